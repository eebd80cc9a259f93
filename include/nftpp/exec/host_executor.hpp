#pragma once
// host_executor: nft in the caller's own network namespace: `nft -f -`.
#include <string>
#include <utility>
#include <vector>

#include <nftpp/exec/nft_executor.hpp>

namespace nftpp::exec {

class host_executor final : public nft_executor {
public:
    explicit host_executor(const executor_options& o = {}) : nft_executor(o, false) {}

protected:
    std::pair<std::vector<std::string>, outcome> prefix() override {
        auto [nft, problem] = find_nft();
        if (!problem.ok()) return {{}, problem};
        return {{nft}, outcome{}};
    }
};

}  // namespace nftpp::exec
