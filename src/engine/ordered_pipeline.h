#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

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
// `window_weight` of weight(i) (and at least 2 x jobs items), heaviest
// first. A heavy item thus starts early and runs while the other threads
// work through the items after it; only the window's results are held.
// What is reported does not depend on `jobs` or on timing. With one job
// the caller works too, unless `own_threads` says that work must run on
// threads of its own (see first_pass()).
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
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<std::optional<Result>> results(count);
  std::vector<bool> started(count, false);
  size_t reported = 0;  // items before this are reported
  size_t window_end = 0;
  uint64_t window_load = 0;  // weight of items in [reported, window_end)
  const size_t least_items = 2 * static_cast<size_t>(jobs);
  auto grow_window = [&] {
    while (window_end < count && (window_end - reported < least_items ||
                                  window_load + weight(window_end) <= window_weight)) {
      window_load += weight(window_end++);
    }
  };
  // The heaviest item of the window not started yet, if any.
  auto next_item = [&]() -> std::optional<size_t> {
    std::optional<size_t> best;
    for (size_t i = reported; i < window_end; ++i) {
      if (!started[i] && (!best || weight(i) > weight(*best))) best = i;
    }
    return best;
  };
  auto worker = [&] {
    std::unique_lock lock(mutex);
    while (true) {
      std::optional<size_t> item;
      changed.wait(lock, [&] { return (item = next_item()) || window_end == count; });
      if (!item) {
        if (window_end == count) return;
        continue;
      }
      started[*item] = true;
      lock.unlock();
      Result result = work(*item);
      lock.lock();
      results[*item] = std::move(result);
      changed.notify_all();
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
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return results[i].has_value(); });
      result = std::move(results[i]);
      results[i].reset();
      window_load -= weight(i);
      reported = i + 1;
      grow_window();
    }
    changed.notify_all();
    report(*result);
  }
}

}  // namespace kube_harden
