#include "engine/ordered_pipeline.h"

#include <gtest/gtest.h>

#include <atomic>
#include <random>
#include <thread>
#include <vector>

namespace kube_harden {
namespace {

// Results come out in index order whatever the threads and weights, and no
// item starts beyond the window past the last reported one.
TEST(OrderedPipeline, ReportsInOrderAndStaysWithinItsWindow) {
  std::mt19937 random(7);
  std::vector<uint64_t> weights(400);
  for (uint64_t& weight : weights) weight = 1 + random() % 5;
  for (unsigned jobs : {1u, 2u, 4u, 8u}) {
    std::atomic<size_t> reported{0};
    std::atomic<bool> outside{false};
    std::vector<size_t> order;
    ordered_pipeline<size_t>(
        weights.size(), jobs, 20, [&](size_t i) { return weights[i]; },
        [&](size_t i) {
          // At most 20 of weight past the last reported item, or 2 x jobs items.
          size_t limit = reported + std::max<size_t>(2 * jobs, 20);
          if (i >= limit) outside = true;
          if (i % 7 == 0) std::this_thread::yield();
          return i;
        },
        [&](size_t& i) {
          order.push_back(i);
          reported = i + 1;
        });
    std::vector<size_t> expected(weights.size());
    for (size_t i = 0; i < expected.size(); ++i) expected[i] = i;
    EXPECT_EQ(order, expected) << "--jobs " << jobs;
    EXPECT_FALSE(outside) << "--jobs " << jobs;
  }
}

// With `own_threads`, even one job works on a thread other than the
// caller's, which still gets every result, in order.
TEST(OrderedPipeline, OwnThreadsKeepWorkOffTheCallersThread) {
  for (bool own_threads : {false, true}) {
    const std::thread::id caller = std::this_thread::get_id();
    std::atomic<size_t> on_caller{0};
    std::vector<size_t> order;
    ordered_pipeline<size_t>(
        50, 1, 4, [](size_t) { return uint64_t{1}; },
        [&](size_t i) {
          if (std::this_thread::get_id() == caller) ++on_caller;
          return i;
        },
        [&](size_t& i) {
          EXPECT_EQ(std::this_thread::get_id(), caller);
          order.push_back(i);
        },
        own_threads);
    EXPECT_EQ(order.size(), 50u);
    for (size_t i = 0; i < order.size(); ++i) EXPECT_EQ(order[i], i);
    EXPECT_EQ(on_caller, own_threads ? 0u : 50u) << "own_threads " << own_threads;
  }
}

}  // namespace
}  // namespace kube_harden
