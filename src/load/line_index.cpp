#include "load/line_index.h"

#include <algorithm>

namespace kube_harden {

LineIndex::LineIndex(std::string_view text) : text_(text) { line_starts_.push_back(0); }

void LineIndex::find_lines_up_to(size_t line) const {
  while (!all_found_ && line_starts_.size() <= line) {
    size_t newline = text_.find('\n', line_starts_.back());
    if (newline == std::string_view::npos) {
      all_found_ = true;
    } else {
      line_starts_.push_back(newline + 1);
    }
  }
}

Position LineIndex::position(int line, int byte_column) const {
  if (line < 0 || byte_column < 0) return {};
  Position result{static_cast<uint32_t>(line) + 1, static_cast<uint32_t>(byte_column) + 1};
  find_lines_up_to(static_cast<size_t>(line));
  if (static_cast<size_t>(line) >= line_starts_.size()) return result;
  size_t start = line_starts_[line];
  size_t end = std::min(text_.size(), start + static_cast<size_t>(byte_column));
  uint32_t code_points = 0;
  for (size_t i = start; i < end; ++i) {
    // UTF-8 continuation bytes (10xxxxxx) do not start a new code point.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++code_points;
  }
  result.column = code_points + 1;
  return result;
}

}  // namespace kube_harden
