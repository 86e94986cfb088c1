#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kube_harden/position.h"

namespace kube_harden {

// A `# kube-harden:ignore rule-a,rule-b -- reason` comment.
struct SuppressionComment {
  Position position;         // of the '#'
  uint32_t target_line = 0;  // the line whose findings it suppresses
  std::vector<std::string> rules;
  std::string reason;
};

// Finds the comments in one file's text. A comment at the end of a line
// applies to that line; a comment alone on its line applies to the next line
// that is neither blank nor a comment.
std::vector<SuppressionComment> scan_suppression_comments(std::string_view text);

}  // namespace kube_harden
