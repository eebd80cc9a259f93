// SPDX-License-Identifier: Apache-2.0
#pragma once
// host_executor: nft in the caller's own network namespace: `nft -f -`, the checked nft
// run through its descriptor.
#include <cstdint>
#include <optional>
#include <utility>

#include <nftpp/exec/generation.hpp>
#include <nftpp/exec/nft_executor.hpp>

namespace nftpp::exec {

class host_executor final : public nft_executor {
public:
    explicit host_executor(const executor_options& o = {}) : nft_executor(o) {}

    [[nodiscard]] std::optional<std::uint32_t> ruleset_generation() override { return exec::ruleset_generation(); }

protected:
    launch_plan plan() override {
        launch_plan p;
        auto [nft, problem] = find_nft();
        if (!problem.ok()) {
            p.problem = std::move(problem);
            return p;
        }
        p.argv = {*nft.path};
        p.program = std::move(nft.fd);
        return p;
    }
};

}  // namespace nftpp::exec
