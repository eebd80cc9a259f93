#pragma once
// kmsg_reader: follows the kernel log (/dev/kmsg) and yields the events of one prefix.
//
//   auto reader = nftpp::klog::kmsg_reader::open();        // from now on (SEEK_END)
//   while (auto e = reader->next("openshell:bypass:sb-1:", 1s)) { ... }
//   reader->stop();                                         // from any thread
//
// /dev/kmsg gives one record per read ("P,SEQ,TS,FLAGS;message" and dictionary lines
// that start with a space); records overwritten before we read them (EPIPE) are skipped.
// Any other descriptor can be adopted: read as records (the /dev/kmsg format, e.g. a file
// or pipe of saved records) or as text lines (`dmesg --follow` output, a FIFO). That is
// how the tests feed it without root.
// Note: log lines from a network namespace other than the initial one are only written
// when net.netfilter.nf_log_all_netns is 1 in the initial namespace (default 0).
#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <nftpp/core/chrono.hpp>
#include <nftpp/log/parse.hpp>

namespace nftpp::klog {

class kmsg_reader {
public:
    // Opens /dev/kmsg; nullopt when it cannot (no permission, no such device).
    [[nodiscard]] static std::optional<kmsg_reader> open(bool from_start = false) {
        const int fd = ::open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) return std::nullopt;
        if (!from_start) ::lseek(fd, 0, SEEK_END);
        return kmsg_reader(fd, true);
    }

    // Adopts a descriptor (closed by the reader). `records`: the input is /dev/kmsg
    // records (dictionary lines, which start with a space, are skipped); otherwise it is
    // text lines, each one parsed.
    kmsg_reader(int fd, bool records) : fd_(fd), records_(records), wake_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
        if (fd_ >= 0) ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
        else eof_ = true;  // nothing to read: next() returns at once
    }
    ~kmsg_reader() {
        if (fd_ >= 0) ::close(fd_);
        if (wake_ >= 0) ::close(wake_);
    }
    kmsg_reader(kmsg_reader&& o) noexcept
        : fd_(std::exchange(o.fd_, -1)), records_(o.records_), wake_(std::exchange(o.wake_, -1)),
          stopped_(o.stopped_.load()), buffer_(std::move(o.buffer_)), lines_(std::move(o.lines_)), eof_(o.eof_) {}
    kmsg_reader(const kmsg_reader&) = delete;
    kmsg_reader& operator=(const kmsg_reader&) = delete;
    kmsg_reader& operator=(kmsg_reader&&) = delete;

    // The next event with this prefix, or nothing after `timeout`, at end of input, or
    // once stop() has been called (also when lines were already read and queued).
    std::optional<log_event> next(std::string_view prefix, std::chrono::milliseconds timeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            if (stopped()) return std::nullopt;
            while (!lines_.empty()) {
                if (stopped()) return std::nullopt;
                std::string line = std::move(lines_.front());
                lines_.pop_front();
                if (auto e = parse_log_line(line, prefix)) return e;
            }
            if (eof_) return std::nullopt;
            const auto now = std::chrono::steady_clock::now();
            if (now >= deadline) return std::nullopt;
            pollfd p[2] = {{fd_, POLLIN, 0}, {wake_, POLLIN, 0}};
            auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count() + 1;
            if (wake_ < 0) ms = std::min<decltype(ms)>(ms, 100);  // no eventfd: look at stopped_ often
            const int r = ::poll(p, 2, static_cast<int>(std::min<decltype(ms)>(ms, 1 << 30)));
            if (r < 0 && errno != EINTR) return std::nullopt;
            if (r <= 0) continue;
            if (p[1].revents) return std::nullopt;  // stop()
            if (p[0].revents & POLLNVAL) {
                eof_ = true;
                continue;
            }
            if (p[0].revents) fill();
        }
    }

    // Calls on_event for each event until it returns false, stop() is called or input ends.
    template <class F>
    void follow(std::string_view prefix, F&& on_event) {
        while (!stopped() && !eof_) {
            if (auto e = next(prefix, std::chrono::milliseconds(500))) {
                if (!on_event(*e)) return;
            }
        }
    }

    // Thread-safe: wakes a blocked next(); every later next() returns nothing, including
    // for lines already read.
    void stop() noexcept {
        stopped_.store(true);
        const std::uint64_t one = 1;
        if (wake_ >= 0) {
            [[maybe_unused]] const ssize_t w = ::write(wake_, &one, sizeof one);
        }
    }

    [[nodiscard]] bool stopped() const noexcept { return stopped_.load(); }
    // True once the input has ended (a pipe or file closed) or cannot be read.
    [[nodiscard]] bool at_end() const noexcept { return eof_ && lines_.empty(); }

private:
    void take_line(std::string_view l) {
        if (records_ && (l.empty() || l.front() == ' ')) return;  // a record's dictionary
        lines_.emplace_back(l);
    }

    void fill() {
        char buf[8192];
        for (;;) {
            const ssize_t r = ::read(fd_, buf, sizeof buf);
            if (r > 0) {
                buffer_.append(buf, static_cast<std::size_t>(r));
                std::size_t start = 0, nl;
                while ((nl = buffer_.find('\n', start)) != std::string::npos) {
                    take_line(std::string_view(buffer_).substr(start, nl - start));
                    start = nl + 1;
                }
                buffer_.erase(0, start);
                if (buffer_.size() > (1u << 20)) buffer_.clear();  // a line this long is not ours
                continue;
            }
            if (r == 0) {  // end of a pipe or file (/dev/kmsg never ends: it says EAGAIN)
                if (!buffer_.empty()) take_line(std::exchange(buffer_, {}));
                eof_ = true;
                return;
            }
            if (errno == EINTR) continue;
            if (errno == EPIPE) continue;  // /dev/kmsg: records were overwritten; go on with the next
            if (errno != EAGAIN && errno != EWOULDBLOCK) eof_ = true;  // unreadable: stop here
            return;
        }
    }

    int fd_ = -1;
    bool records_ = true;
    int wake_ = -1;
    std::atomic<bool> stopped_{false};
    std::string buffer_;
    std::deque<std::string> lines_;
    bool eof_ = false;
};

}  // namespace nftpp::klog
