#include "engine/file_reader.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kube_harden {
namespace {

std::string too_large(uint64_t max_bytes) {
  return fmt::format("larger than the limit of {} MiB (--max-file-size); not linted",
                     max_bytes >> 20);
}

// Reads at most max_bytes + 1 bytes, so an oversized input is detected
// without holding more of it in memory. `expected` (the size fstat gives a
// regular file) sizes the buffer once; pipes grow it as they deliver.
std::optional<std::string> read_bounded(int fd, uint64_t expected, uint64_t max_bytes,
                                        std::string& error) {
  std::string text;
  size_t size = 0;
  text.resize(static_cast<size_t>(std::min(expected, max_bytes) + 1));
  while (true) {
    if (size == text.size()) {
      if (size > max_bytes) {
        error = too_large(max_bytes);
        return std::nullopt;
      }
      text.resize(std::min<uint64_t>(std::max<size_t>(size * 2, 65536), max_bytes + 1));
    }
    ssize_t got = ::read(fd, text.data() + size, text.size() - size);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      error = std::string("cannot read file: ") + std::strerror(errno);
      return std::nullopt;
    }
    if (got == 0) break;
    size += static_cast<size_t>(got);
  }
  if (size > max_bytes) {
    error = too_large(max_bytes);
    return std::nullopt;
  }
  text.resize(size);
  return text;
}

}  // namespace

std::optional<std::string> read_whole_file(const std::string& path, uint64_t max_bytes,
                                           std::string& error) {
  if (path == "-") return read_bounded(STDIN_FILENO, 0, max_bytes, error);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = std::string("cannot open file: ") + std::strerror(errno);
    return std::nullopt;
  }
  struct stat status {};
  uint64_t expected = ::fstat(fd, &status) == 0 && S_ISREG(status.st_mode)
                          ? static_cast<uint64_t>(status.st_size)
                          : 0;
  std::optional<std::string> text = read_bounded(fd, expected, max_bytes, error);
  ::close(fd);
  return text;
}

std::optional<std::string_view> input_text(const LintInput& input, uint64_t max_bytes,
                                           std::optional<std::string>& storage,
                                           std::string& error) {
  if (!input.read_error.empty()) {
    error = input.read_error;
    return std::nullopt;
  }
  if (input.has_text) return std::string_view(input.text);
  storage = read_whole_file(input.path, max_bytes, error);
  if (!storage) return std::nullopt;
  return std::string_view(*storage);
}

}  // namespace kube_harden
