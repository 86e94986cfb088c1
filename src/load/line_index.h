#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "kube_harden/position.h"

namespace kube_harden {

// Turns yaml-cpp's 0-based (line, byte column) marks into 1-based positions
// whose columns count code points, as editors and SARIF expect.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  Position position(int zero_based_line, int zero_based_byte_column) const;

 private:
  std::string_view text_;
  std::vector<size_t> line_starts_;
};

}  // namespace kube_harden
