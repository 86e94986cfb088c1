#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "engine/work_order.h"

namespace kube_harden {

// A window of bytes for ordered_pipeline() over files that weigh their
// bytes: a few times the largest for each thread, so that one large file
// is read while the other threads go on with the files after it, within 1
// to 16 MiB.
inline uint64_t byte_window(uint64_t largest, unsigned jobs) {
  constexpr uint64_t kMiB = 1 << 20;
  return std::clamp<uint64_t>(3 * std::max(jobs, 1u) * largest, kMiB, 16 * kMiB);
}

// Runs work(0) ... work(count - 1) on `jobs` threads and hands each result
// to report() in index order, on the calling thread. Items are taken from a
// window that slides with the report: those not yet reported, up to
// `window_weight` of weight(i) (and at least 2 x jobs items), in the order
// WorkOrder gives: index order, but for an item heavy enough to start
// early. Results are thus reported while the threads work, and only the
// window's are held. What is reported does not depend on `jobs` or on
// timing. With one job the caller works too, unless `own_threads` says that
// work must run on threads of its own (see first_pass()).
template <class Result, class Work, class Weight, class Report>
void ordered_pipeline(size_t count, unsigned jobs, uint64_t window_weight, const Weight& weight,
                      const Work& work, const Report& report, bool own_threads = false) {
  if (!own_threads && (jobs <= 1 || count <= 1)) {
    for (size_t i = 0; i < count; ++i) {
      Result result = work(i);
      report(result);
    }
    return;
  }
  std::vector<uint64_t> weights(count);
  for (size_t i = 0; i < count; ++i) weights[i] = weight(i);
  WorkOrder order(std::move(weights), jobs);
  std::mutex mutex;
  // Each waker wakes only who can go on: a worker, when items are opened;
  // the caller, when the result it waits for is in.
  std::condition_variable work_opened;
  std::condition_variable result_in;
  std::vector<std::optional<Result>> results(count);
  size_t reported = 0;  // items before this are reported; the caller waits for this one
  size_t window_end = 0;
  uint64_t window_load = 0;  // weight of items in [reported, window_end)
  const size_t least_items = 2 * static_cast<size_t>(jobs);
  auto grow_window = [&] {
    while (window_end < count && (window_end - reported < least_items ||
                                  window_load + order.weight(window_end) <= window_weight)) {
      window_load += order.weight(window_end++);
    }
    order.open_until(window_end);
  };
  auto worker = [&] {
    std::unique_lock lock(mutex);
    while (true) {
      std::optional<size_t> item;
      work_opened.wait(lock, [&] { return (item = order.take()) || window_end == count; });
      if (!item) return;
      lock.unlock();
      Result result = work(*item);
      lock.lock();
      results[*item] = std::move(result);
      if (*item == reported) result_in.notify_one();
    }
  };
  {
    std::lock_guard lock(mutex);
    grow_window();
  }
  std::vector<std::jthread> pool;
  for (unsigned t = 0; t < std::max(jobs, 1u); ++t) pool.emplace_back(worker);
  for (size_t i = 0; i < count; ++i) {
    std::optional<Result> result;
    bool opened = false;
    {
      std::unique_lock lock(mutex);
      result_in.wait(lock, [&] { return results[i].has_value(); });
      result = std::move(results[i]);
      results[i].reset();
      window_load -= order.weight(i);
      reported = i + 1;
      size_t window_was = window_end;
      grow_window();
      opened = window_end != window_was;
    }
    if (opened) work_opened.notify_all();
    report(*result);
  }
}

}  // namespace kube_harden
