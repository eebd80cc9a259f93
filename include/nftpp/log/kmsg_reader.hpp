// SPDX-License-Identifier: Apache-2.0
#pragma once
// kmsg_reader: follows the kernel log (/dev/kmsg) and yields the events of one prefix.
//
//   auto reader = nftpp::klog::kmsg_reader::open();        // from now on (SEEK_END)
//   while (auto e = reader->next("openshell:bypass:sb-1:", 1s)) { ... }
//   reader->stop();                                         // from any thread
//
// /dev/kmsg gives one record per read ("P,SEQ,TS,FLAGS;message" and dictionary lines
// that start with a space); records overwritten before we read them (EPIPE) are skipped
// and counted (lost()). Any other descriptor can be adopted, read in one line_format:
// records (the /dev/kmsg format, e.g. a file or pipe of saved records), `dmesg --follow`
// output, or messages alone (`dmesg --follow --notime`, a FIFO). That is how the tests
// feed it without root.
//
// Bounded: a line longer than 1 MiB is dropped whole (up to its newline); one fill reads
// at most 64 KiB ahead, and the next is only read once those lines are used up; a
// descriptor that fails with EPIPE 64 times in a row (never /dev/kmsg, which reads on
// after one) is treated as the end of input.
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
        return kmsg_reader(fd, line_format::kmsg_record);
    }

    // What reads the descriptor: read(2), or a stand-in with its contract (tests use one
    // to fail the way a device can).
    using read_function = ssize_t (*)(int, void*, std::size_t);

    static constexpr std::size_t max_line = std::size_t{1} << 20;     // longer lines are dropped
    static constexpr std::size_t read_ahead = std::size_t{64} << 10;  // bytes read per fill

    // Adopts a descriptor (closed by the reader), read as `format`: kmsg_record (dictionary
    // lines, which start with a space, are skipped), dmesg or message (each line parsed).
    kmsg_reader(int fd, line_format format, read_function read = nullptr)
        : fd_(fd), format_(format), read_(read ? read : &::read), wake_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
        if (fd_ >= 0) ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
        else eof_ = true;  // nothing to read: next() returns at once
    }
    ~kmsg_reader() {
        if (fd_ >= 0) ::close(fd_);
        if (wake_ >= 0) ::close(wake_);
    }
    kmsg_reader(kmsg_reader&& o) noexcept
        : fd_(std::exchange(o.fd_, -1)), format_(o.format_), read_(o.read_), wake_(std::exchange(o.wake_, -1)),
          stopped_(o.stopped_.load()), buffer_(std::move(o.buffer_)), lines_(std::move(o.lines_)),
          queued_bytes_(o.queued_bytes_), skipping_(o.skipping_), eof_(o.eof_), lost_(o.lost_), malformed_(o.malformed_) {}
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
                queued_bytes_ -= line.size();
                line_status st{};
                if (auto e = parse_log_line(line, prefix, format_, &st)) return e;
                if (st == line_status::malformed) ++malformed_;
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
    // Records /dev/kmsg overwrote before they were read (one per EPIPE).
    [[nodiscard]] std::uint64_t lost() const noexcept { return lost_; }
    // Lines of the prefix asked for that were not well-formed packet lines (no event).
    [[nodiscard]] std::uint64_t malformed() const noexcept { return malformed_; }
    // Bytes read and not yet handed out: whole lines queued plus a partial line.
    [[nodiscard]] std::size_t buffered_bytes() const noexcept { return queued_bytes_ + buffer_.size(); }

private:
    void take_line(std::string_view l) {
        if (format_ == line_format::kmsg_record && (l.empty() || l.front() == ' ')) return;  // a record's dictionary
        queued_bytes_ += l.size();
        lines_.emplace_back(l);
    }

    // Splits what is buffered into lines; a line over max_line is dropped up to its newline.
    void split() {
        std::size_t start = 0, nl;
        while ((nl = buffer_.find('\n', start)) != std::string::npos) {
            if (skipping_) skipping_ = false;  // the end of a dropped line
            else take_line(std::string_view(buffer_).substr(start, nl - start));
            start = nl + 1;
        }
        buffer_.erase(0, start);
        if (buffer_.size() > max_line || (skipping_ && !buffer_.empty())) {
            buffer_.clear();  // a line this long is not one the kernel writes: drop all of it
            skipping_ = true;
        }
    }

    void fill() {
        char buf[8192];
        std::size_t got = 0;
        int broken_pipes = 0;
        while (got < read_ahead) {
            const ssize_t r = read_(fd_, buf, sizeof buf);
            if (r > 0) {
                broken_pipes = 0;
                got += static_cast<std::size_t>(r);
                buffer_.append(buf, static_cast<std::size_t>(r));
                split();
                continue;
            }
            if (r == 0) {  // end of a pipe or file (/dev/kmsg never ends: it says EAGAIN)
                if (!buffer_.empty() && !skipping_) take_line(buffer_);
                buffer_.clear();
                eof_ = true;
                return;
            }
            if (errno == EINTR) continue;
            if (errno == EPIPE) {  // /dev/kmsg: records were overwritten; the next read goes on
                ++lost_;
                if (++broken_pipes < 64) continue;
                eof_ = true;  // EPIPE again and again: this descriptor will not read on
                return;
            }
            if (errno != EAGAIN && errno != EWOULDBLOCK) eof_ = true;  // unreadable: stop here
            return;
        }
    }

    int fd_ = -1;
    line_format format_ = line_format::kmsg_record;
    read_function read_ = nullptr;
    int wake_ = -1;
    std::atomic<bool> stopped_{false};
    std::string buffer_;
    std::deque<std::string> lines_;
    std::size_t queued_bytes_ = 0;
    bool skipping_ = false;
    bool eof_ = false;
    std::uint64_t lost_ = 0;
    std::uint64_t malformed_ = 0;
};

}  // namespace nftpp::klog
