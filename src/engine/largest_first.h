#pragma once

#include <cstddef>
#include <vector>

#include "kube_harden/lint.h"

namespace kube_harden {

// Input indices, largest input first. Threads taking inputs in this order
// finish together: a large file picked up last would leave the others idle.
std::vector<size_t> largest_first(const std::vector<LintInput>& inputs);

// Each input's size in bytes: its text's, or its file's (0 when unknown).
std::vector<uint64_t> input_sizes(const std::vector<LintInput>& inputs);

}  // namespace kube_harden
