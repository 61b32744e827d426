#include "output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <unistd.h>

namespace kpi::cli {
namespace {

bool write_stdout(const std::string& content) {
  std::size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(STDOUT_FILENO, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EPIPE) return true;  // reader went away (| head): not an error
    if (n <= 0) {
      fmt::print(stderr, "kpi-report: error: cannot write to standard output: {}\n",
                 std::strerror(errno));
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

bool write_atomically(const std::string& content, const std::string& path) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path temp = target;
  temp += fmt::format(".tmp-{}", ::getpid());
  {
    errno = 0;
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << content;
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
  return path.empty() || path == "-" ? write_stdout(content) : write_atomically(content, path);
}

}  // namespace kpi::cli
