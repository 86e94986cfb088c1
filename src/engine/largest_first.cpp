#include "engine/largest_first.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <system_error>

#include "engine/parallel_for.h"

namespace kube_harden {

std::vector<uint64_t> input_sizes(const std::vector<LintInput>& inputs, unsigned jobs) {
  std::vector<uint64_t> sizes(inputs.size());
  // In blocks, so that threads do not take turns at one counter for each file.
  constexpr size_t kBlock = 64;
  parallel_for((inputs.size() + kBlock - 1) / kBlock, jobs, [&](size_t block) {
    size_t end = std::min(inputs.size(), (block + 1) * kBlock);
    for (size_t i = block * kBlock; i < end; ++i) {
      std::error_code error;
      sizes[i] = inputs[i].has_text ? inputs[i].text.size()
                                    : std::filesystem::file_size(inputs[i].path, error);
      if (error) sizes[i] = 0;
    }
  });
  return sizes;
}

std::vector<size_t> largest_first(const std::vector<LintInput>& inputs) {
  std::vector<uint64_t> sizes = input_sizes(inputs);
  std::vector<size_t> order(inputs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return sizes[a] > sizes[b]; });
  return order;
}

}  // namespace kube_harden
