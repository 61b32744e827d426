#include "output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kpi::cli {
namespace {

// Standard output as a stream, written through in 64 KiB pieces: a long report is never held
// whole. A closed pipe (| head) ends the writing quietly; another failure is reported once.
class StdoutBuffer : public std::streambuf {
 public:
  StdoutBuffer() { setp(buffer_, buffer_ + sizeof buffer_); }
  ~StdoutBuffer() override { sync(); }
  bool failed() const { return failed_; }

 protected:
  int_type overflow(int_type c) override {
    flush_buffer();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override {
    flush_buffer();
    return 0;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (n > epptr() - pptr()) {
      flush_buffer();
      if (n >= static_cast<std::streamsize>(sizeof buffer_)) {
        write_all(s, static_cast<std::size_t>(n));
        return n;
      }
    }
    std::memcpy(pptr(), s, static_cast<std::size_t>(n));
    pbump(static_cast<int>(n));
    return n;
  }

 private:
  void flush_buffer() {
    write_all(pbase(), static_cast<std::size_t>(pptr() - pbase()));
    setp(buffer_, buffer_ + sizeof buffer_);
  }
  void write_all(const char* data, std::size_t size) {
    for (std::size_t done = 0; done < size && !closed_ && !failed_;) {
      ssize_t n = ::write(STDOUT_FILENO, data + done, size - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && errno == EPIPE) {  // reader went away (| head): not an error
        closed_ = true;
      } else if (n <= 0) {
        fmt::print(stderr, "kpi-report: error: cannot write to standard output: {}\n",
                   std::strerror(errno));
        failed_ = true;
      } else {
        done += static_cast<std::size_t>(n);
      }
    }
  }

  char buffer_[64 * 1024];
  bool closed_ = false, failed_ = false;
};

bool write_stdout(const Writer& write) {
  StdoutBuffer buffer;
  std::ostream out(&buffer);
  write(out);
  out.flush();
  return !buffer.failed();
}

bool write_atomically(const Writer& write, const std::string& path) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path temp = target;
  temp += fmt::format(".tmp-{}", ::getpid());
  {
    errno = 0;
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (out) write(out);
    out.flush();
    if (!out) {
      int reason = errno;
      std::error_code ec;
      fs::remove(temp, ec);
      fmt::print(stderr, "{}: error: cannot write output file{}{}\n", path, reason ? ": " : "",
                 reason ? std::strerror(reason) : "");
      return false;
    }
  }
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp, ec);
    fmt::print(stderr, "{}: error: cannot replace output file: {}\n", path, ec.message());
    return false;
  }
  return true;
}

}  // namespace

bool emit(const std::string& content, const std::string& path) {
  return emit_streamed([&](std::ostream& out) { out << content; }, path);
}

bool emit_streamed(const Writer& write, const std::string& path) {
  return path.empty() || path == "-" ? write_stdout(write) : write_atomically(write, path);
}

namespace {

// /dev/null: what goes there is never read, so it mixes with nothing.
bool is_null_device(const struct stat& s) {
  struct stat null_device = {};
  return S_ISCHR(s.st_mode) && ::stat("/dev/null", &null_device) == 0 &&
         S_ISCHR(null_device.st_mode) && s.st_rdev == null_device.st_rdev;
}

}  // namespace

bool output_apart_from_stderr(const std::string& path) {
  if (!path.empty() && path != "-") return true;  // a file of its own, written by rename
  struct stat out = {}, err = {};
  if (::fstat(STDOUT_FILENO, &out) != 0 || ::fstat(STDERR_FILENO, &err) != 0) return false;
  if (is_null_device(out) || is_null_device(err)) return true;
  return out.st_dev != err.st_dev || out.st_ino != err.st_ino;  // `2>&1`, one terminal
}

}  // namespace kpi::cli
