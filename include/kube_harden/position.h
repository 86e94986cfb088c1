#pragma once

#include <cstdint>

namespace kube_harden {

// A place in an input file. Lines and columns are 1-based; columns count
// Unicode code points, not bytes. line == 0 means "no position".
struct Position {
  uint32_t line = 0;
  uint32_t column = 0;

  bool known() const { return line != 0; }
  friend bool operator==(const Position&, const Position&) = default;
  friend auto operator<=>(const Position&, const Position&) = default;
};

}  // namespace kube_harden
