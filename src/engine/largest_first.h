#pragma once

#include <cstddef>
#include <vector>

#include "kube_harden/lint.h"

namespace kube_harden {

// Input indices, largest input first. Threads taking inputs in this order
// finish together: a large file picked up last would leave the others idle.
std::vector<size_t> largest_first(const std::vector<LintInput>& inputs);

// Each input's size in bytes: its text's, or its file's (0 when unknown).
// A stat for each file: on up to `jobs` threads.
std::vector<uint64_t> input_sizes(const std::vector<LintInput>& inputs, unsigned jobs = 1);

}  // namespace kube_harden
