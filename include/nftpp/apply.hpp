// SPDX-License-Identifier: Apache-2.0
#pragma once
// apply_with_probes: apply a ruleset with optional rules in ONE transaction.
//
// Kernels differ (conntrack, log, limit, reject or NAT may be missing), and one missing
// expression makes nft roll back the whole batch. Instead of loading rule by rule, nftpp
// asks the target first: for each feature the ruleset's optional rules need, it checks a
// tiny probe table with `nft -c` in the same context (host or namespace) — a probe, not
// a version number. It then renders the ruleset without the optional rules whose feature
// is missing and applies it atomically, and reports what it left out and why.
//
// A probe that nft refuses (outcome `rejected`) means "feature missing". A probe that
// cannot be asked at all (nft missing or untrusted, namespace gone, timeout, ...) is no
// answer: apply_with_probes stops, applies nothing and returns that outcome.
//
// Probes are asked once: kernel features do not change while the host runs, and each
// probe costs a process (with the process executors) plus the kernel's abort path, which
// waits for an RCU grace period (14-19 ms). Answers are kept in a probe_cache, by default
// probe_cache::shared() (one per process, and a file in /run across processes), keyed by the boot (/proc/sys/kernel/random/boot_id) and the kernel
// release (uname -r): after a reboot or on another kernel, the answers are asked again.
// So apply_with_probes costs one apply after the first call. Only `ok` and `rejected`
// answers are kept (a probe that could not be asked is asked again next time).
// Invalidation: probe_cache::clear() forgets the answers, for when the kernel's modules
// change while it runs (a module installed, blacklisted or unloaded). Targets that can
// differ on one kernel — a namespace owned by another user namespace, where the kernel
// does not load modules on demand — should each have their own probe_cache (or pass
// nullptr: probe every time).
//
// This header joins the DSL (render) and the executors; neither knows the other.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <cstdint>
#include <map>
#include <cstdio>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <boost/hana/for_each.hpp>
#include <boost/hana/tuple.hpp>

#include <nftpp/exec/executor.hpp>
#include <nftpp/render/render.hpp>
#include <nftpp/ruleset/optional.hpp>

namespace nftpp {

namespace detail {
template <class Rules>
struct optional_features_of_rules;
template <class... I>
struct optional_features_of_rules<boost::hana::tuple<I...>> {
    template <class X>
    static constexpr feature_set one() {
        if constexpr (is_optional_rule_v<X>) return features_of_v<item_rule_t<X>>;
        else return {};
    }
    static constexpr feature_set sets[sizeof...(I) + 1] = {feature_set{}, one<I>()...};  // not a fold: clang limits those to 256
    static constexpr feature_set value = [] {
        feature_set v;
        for (const auto& s : sets) v.add(s);
        return v;
    }();
};

template <class T>
void collect_optional_features(const T& x, feature_set& out) {
    if constexpr (is_ruleset_v<T>) {
        boost::hana::for_each(x.commands, [&](const auto& c) { collect_optional_features(c, out); });
    } else if constexpr (is_table_v<T>) {
        boost::hana::for_each(x.sets, [&](const auto& member) {  // declarations left out where missing
            using M = std::remove_cvref_t<decltype(member)>;
            if constexpr (requires { M::feature; }) out.add(*M::feature);
        });
        boost::hana::for_each(x.chains, [&](const auto& chain) {
            using Rules = typename std::remove_cvref_t<decltype(chain)>::rules_type;
            out.add(optional_features_of_rules<Rules>::value);
        });
    } else if constexpr (std::is_same_v<T, runtime_table>) {
        for (const auto& c : x.chains())
            for (const auto& r : c.rules())
                if (r.optional) out.add(r.summary->features);
    } else if constexpr (std::is_same_v<T, table_update>) {
        collect_optional_features(x.next(), out);
    } else if constexpr (std::is_same_v<T, runtime_command>) {
        x.visit([&](const auto& c) { collect_optional_features(c, out); });
    } else if constexpr (CommandRange<T>) {
        for (const auto& c : x) collect_optional_features(c, out);
    } else if constexpr (requires { x.table; }) {
        collect_optional_features(x.table, out);
    }
}
}  // namespace detail

// Features that the optional rules of x need (each node names its own, with its probe).
template <Renderable T>
[[nodiscard]] feature_set optional_features(const T& x) {
    feature_set f;
    detail::collect_optional_features(x, f);
    return f;
}

// Remembered probe answers, per boot and kernel release. Safe to share between threads.
// Answers are kept in memory and, for the shared() cache when running as root, in a file
// in /run (a tmpfs, emptied at boot) so that the next process on this boot and kernel
// probes nothing either: /run/nftpp/probes, root-owned, mode 0644, in a root-owned
// directory that only root can write. A file that is not exactly that, or that names
// another boot or kernel, is ignored (and replaced when the answers are written).
class probe_cache {
public:
    // An empty cache, in memory only, or backed by `file` (read when first asked, written
    // after each new answer).
    probe_cache() = default;
    explicit probe_cache(std::string file) : file_(std::move(file)) {}
    probe_cache(const probe_cache&) = delete;
    probe_cache& operator=(const probe_cache&) = delete;

    // The cache apply_with_probes uses unless told otherwise: one per process, backed by
    // /run/nftpp/probes when running as root.
    [[nodiscard]] static probe_cache& shared() {
        static probe_cache c(::geteuid() == 0 ? std::string(default_file) : std::string());
        return c;
    }
    static constexpr std::string_view default_file = "/run/nftpp/probes";

    // The remembered answer for f on this boot and kernel: true = supported. Features are
    // known by name (feature::nat is "nat"; a node's own, such as feature::tproxy, too).
    [[nodiscard]] std::optional<bool> find(const kernel_feature& f) {
        std::lock_guard lk(m_);
        refresh();
        const auto it = answers_.find(std::string(f.name));
        if (it == answers_.end()) return std::nullopt;
        return it->second;
    }
    void remember(const kernel_feature& f, bool supported) {
        std::lock_guard lk(m_);
        refresh();
        answers_[std::string(f.name)] = supported;
        store();
    }
    // Forgets every answer, here and in the file (the kernel's modules changed).
    void clear() {
        std::lock_guard lk(m_);
        answers_.clear();
        if (!file_.empty()) std::remove(file_.c_str());
    }

    // This boot and kernel: "BOOT_ID KERNEL_RELEASE" (empty parts when unreadable).
    [[nodiscard]] static std::string boot_and_kernel() {
        std::string id;
        if (std::FILE* f = std::fopen("/proc/sys/kernel/random/boot_id", "re")) {
            char buf[64] = {};
            if (std::fgets(buf, sizeof(buf), f)) id = buf;
            std::fclose(f);
        }
        while (!id.empty() && (id.back() == '\n' || id.back() == ' ')) id.pop_back();
        struct utsname u {};
        if (::uname(&u) == 0) (id += ' ') += u.release;
        return id;
    }

private:
    static constexpr std::string_view magic = "nftpp-probes-v2 ";

    void refresh() {
        std::string k = boot_and_kernel();
        if (k == key_) return;
        key_ = std::move(k);
        answers_.clear();
        load();
    }
    // Only a root-owned file that group and others cannot write, in such a directory.
    [[nodiscard]] bool trusted_file(int fd) const {
        struct stat st {}, dir {};
        const std::string d = file_.substr(0, file_.rfind('/'));
        if (::fstat(fd, &st) != 0 || ::lstat(d.c_str(), &dir) != 0) return false;
        return S_ISREG(st.st_mode) && st.st_uid == 0 && !(st.st_mode & (S_IWGRP | S_IWOTH)) && S_ISDIR(dir.st_mode) &&
               dir.st_uid == 0 && !(dir.st_mode & (S_IWGRP | S_IWOTH));
    }
    void load() {
        if (file_.empty()) return;
        const int fd = ::open(file_.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0) return;
        char buf[4096] = {};
        const ssize_t n = trusted_file(fd) ? ::read(fd, buf, sizeof(buf) - 1) : -1;
        ::close(fd);
        if (n <= 0) return;
        std::string_view text(buf, static_cast<std::size_t>(n));
        const std::string head = std::string(magic) + key_ + "\n";
        if (text.substr(0, head.size()) != head) return;  // another boot or kernel
        text.remove_prefix(head.size());
        // one line per feature: "NAME 1" (supported) or "NAME 0"
        while (!text.empty()) {
            const std::size_t end = text.find('\n');
            if (end == std::string_view::npos) return;  // a cut file: keep what was whole
            const std::string_view line = text.substr(0, end);
            text.remove_prefix(end + 1);
            const std::size_t sp = line.rfind(' ');
            if (sp == std::string_view::npos || sp == 0 || sp + 2 != line.size() || (line[sp + 1] != '0' && line[sp + 1] != '1'))
                continue;
            answers_[std::string(line.substr(0, sp))] = line[sp + 1] == '1';
        }
    }
    void store() const {
        if (file_.empty()) return;
        const std::string d = file_.substr(0, file_.rfind('/'));
        ::mkdir(d.c_str(), 0755);  // exists already, or made now; trusted_file checks it either way
        const std::string tmp = file_ + "." + std::to_string(::getpid()) + ".tmp";
        const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (fd < 0) return;
        std::string text = std::string(magic) + key_ + "\n";
        for (const auto& [name, supported] : answers_) ((text += name) += ' ') += supported ? "1\n" : "0\n";
        const bool ok = trusted_file(fd) && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
        ::close(fd);
        if (!ok || ::rename(tmp.c_str(), file_.c_str()) != 0) ::unlink(tmp.c_str());
    }

    std::mutex m_;
    std::string file_;
    std::string key_;
    std::map<std::string, bool> answers_;
};

struct apply_report {
    exec::outcome outcome;
    capabilities caps;                  // what the target was found to support
    std::vector<skipped_rule> skipped;  // optional rules left out, with the reason
    script applied;                     // the script that was loaded (empty when a probe failed)
};

// Probe (or take the cached answers), render without unsupported optional rules, apply
// in one transaction. `assume_missing` forces features to count as unsupported (for tests
// and for callers that know better). `cache` keeps the answers (nullptr: probe every
// time; answers are kept only from executors whose probes_the_kernel() is true, so a test
// double's answers never stand for the kernel's). When a probe fails for another reason than nft refusing it, the report carries
// that outcome and nothing is applied.
template <Renderable T>
[[nodiscard]] apply_report apply_with_probes(exec::executor& target, const T& x, capabilities assume_missing = {},
                                             probe_cache* cache = &probe_cache::shared()) {
    apply_report report{};
    report.caps = assume_missing;
    const bool use_cache = cache && target.probes_the_kernel();
    for (const kernel_feature* f : optional_features(x)) {
        if (!report.caps.has(*f)) continue;
        if (use_cache) {
            if (const auto known = cache->find(*f)) {
                if (!*known) report.caps.remove(*f);
                continue;
            }
        }
        exec::outcome probed = target.probe(f->probe);
        if (use_cache && (probed.ok() || probed.kind == exec::outcome_kind::rejected))
            cache->remember(*f, probed.ok());
        if (probed.kind == exec::outcome_kind::rejected) {
            report.caps.remove(*f);
        } else if (!probed.ok()) {
            probed.detail = "probing for " + std::string(f->name) + " failed, nothing was applied" +
                            (probed.detail.empty() ? "" : ": " + probed.detail);
            report.outcome = std::move(probed);
            return report;
        }
    }
    report.applied = render(x, report.caps, &report.skipped);
    report.outcome = target.apply(report.applied);
    return report;
}

}  // namespace nftpp
