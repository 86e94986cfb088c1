#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace kube_harden {

// Calls task(0) ... task(count - 1) on up to `jobs` threads (the caller's
// among them), each index once, taken in ascending order as threads free up.
// Tasks write only to their own slot of a result, so what is computed does
// not depend on `jobs` or on timing.
template <class Task>
void parallel_for(size_t count, unsigned jobs, const Task& task) {
  size_t threads = std::min<size_t>(std::max(jobs, 1u), count);
  if (threads <= 1) {
    for (size_t i = 0; i < count; ++i) task(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < count; i = next++) task(i);
  };
  std::vector<std::jthread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
}

}  // namespace kube_harden
