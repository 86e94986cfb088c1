#include "cli/error_output.h"

#include <fmt/format.h>

namespace kube_harden {

void print_error_at(const std::string& file, Position position, const std::string& message) {
  if (position.known()) {
    fmt::print(stderr, "{}:{}:{}: error: {}\n", file, position.line, position.column, message);
  } else {
    fmt::print(stderr, "{}: error: {}\n", file, message);
  }
}

}  // namespace kube_harden
