#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "kube_harden/position.h"

namespace kube_harden {

// Turns yaml-cpp's 0-based (line, byte column) marks into 1-based positions
// whose columns count code points, as editors and SARIF expect. Lines are
// found as positions ask for them: a load of the first documents of a large
// file does not scan the rest.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  Position position(int zero_based_line, int zero_based_byte_column) const;

 private:
  // Finds the starts of lines up to `line`, or to the end of the text.
  void find_lines_up_to(size_t line) const;

  std::string_view text_;
  mutable std::vector<size_t> line_starts_;
  mutable bool all_found_ = false;
};

}  // namespace kube_harden
