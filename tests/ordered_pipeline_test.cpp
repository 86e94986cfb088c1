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

}  // namespace
}  // namespace kube_harden
