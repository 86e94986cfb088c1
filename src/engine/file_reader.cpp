#include "engine/file_reader.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

namespace kube_harden {
namespace {

// Reads at most max_bytes + 1 bytes, so an oversized input is detected
// without holding more of it in memory.
std::optional<std::string> read_bounded(std::istream& in, uint64_t max_bytes, std::string& error) {
  std::string text;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<size_t>(in.gcount()));
    if (text.size() > max_bytes) {
      error = fmt::format("larger than the limit of {} MiB (--max-file-size); not linted",
                          max_bytes >> 20);
      return std::nullopt;
    }
  }
  if (in.bad()) {
    error = std::string("cannot read file: ") + std::strerror(errno);
    return std::nullopt;
  }
  return text;
}

}  // namespace

std::optional<std::string> read_whole_file(const std::string& path, uint64_t max_bytes,
                                           std::string& error) {
  if (path == "-") return read_bounded(std::cin, max_bytes, error);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::string("cannot open file: ") + std::strerror(errno);
    return std::nullopt;
  }
  return read_bounded(in, max_bytes, error);
}

}  // namespace kube_harden
