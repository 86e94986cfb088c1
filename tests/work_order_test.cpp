#include "engine/work_order.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <queue>
#include <vector>

namespace kube_harden {
namespace {

std::vector<size_t> take_all(WorkOrder& order) {
  std::vector<size_t> taken;
  while (std::optional<size_t> item = order.take()) taken.push_back(*item);
  return taken;
}

TEST(WorkOrder, OneThreadTakesItemsInIndexOrder) {
  WorkOrder order({1, 50, 2, 100, 3}, 1);
  order.open_until(5);
  EXPECT_EQ(take_all(order), (std::vector<size_t>{0, 1, 2, 3, 4}));
}

TEST(WorkOrder, TakesOnlyOpenedItems) {
  WorkOrder order({1, 1, 1, 1}, 2);
  EXPECT_EQ(order.take(), std::nullopt);
  order.open_until(2);
  EXPECT_EQ(take_all(order), (std::vector<size_t>{0, 1}));
  order.open_until(10);
  EXPECT_EQ(take_all(order), (std::vector<size_t>{2, 3}));
  EXPECT_EQ(order.take(), std::nullopt);
}

// 40 items of 1 and one of 30 at index 20, on 2 threads: 70 of work, a
// thread's share 35. The heavy item weighs more than half of that, so it
// starts first; the light ones follow in index order until what is left is
// light enough that they go heaviest first, which among equals is index order.
TEST(WorkOrder, AnItemHeavierThanHalfAThreadsShareStartsFirst) {
  std::vector<uint64_t> weights(41, 1);
  weights[20] = 30;
  WorkOrder order(weights, 2);
  order.open_until(weights.size());
  std::vector<size_t> expected = {20};
  for (size_t i = 0; i < weights.size(); ++i) {
    if (i != 20) expected.push_back(i);
  }
  EXPECT_EQ(take_all(order), expected);
}

// A heavy item that is not yet half a thread's share waits for its turn,
// and is taken early once the work left has shrunk enough.
TEST(WorkOrder, AHeavyItemIsTakenEarlyOnceTheWorkLeftMakesItSo) {
  // 100 of light work and one item of 20: 120 in all, half a thread's share
  // is 30. After 40 light items 80 is left, and 20 is half of its share.
  std::vector<uint64_t> weights(101, 1);
  weights[90] = 20;
  WorkOrder order(weights, 2);
  order.open_until(weights.size());
  std::vector<size_t> taken = take_all(order);
  size_t position = std::find(taken.begin(), taken.end(), 90) - taken.begin();
  EXPECT_EQ(position, 40u);
  EXPECT_TRUE(std::is_sorted(taken.begin(), taken.begin() + 40));
}

// The last items go heaviest first, so that the threads finish together.
TEST(WorkOrder, TheLastItemsGoHeaviestFirst) {
  WorkOrder order({2, 3, 9, 5}, 2);
  order.open_until(4);
  EXPECT_EQ(take_all(order), (std::vector<size_t>{2, 3, 1, 0}));
}

// Simulated threads that each take an item when free and spend its weight
// on it: with the heavy item last in index order, taking items in index
// order would leave one thread working alone for most of it.
uint64_t simulated_end(const std::vector<uint64_t>& weights, unsigned threads) {
  WorkOrder order(weights, threads);
  order.open_until(weights.size());
  std::priority_queue<uint64_t, std::vector<uint64_t>, std::greater<>> free_at;
  for (unsigned t = 0; t < threads; ++t) free_at.push(0);
  uint64_t end = 0;
  while (std::optional<size_t> item = order.take()) {
    uint64_t start = free_at.top();
    free_at.pop();
    free_at.push(start + weights[*item]);
    end = std::max(end, start + weights[*item]);
  }
  return end;
}

TEST(WorkOrder, ThreadsFinishTogether) {
  std::vector<uint64_t> weights(200, 1);
  weights.push_back(100);
  EXPECT_EQ(simulated_end(weights, 2), 150u);  // in index order: 200
  EXPECT_EQ(simulated_end(weights, 1), 300u);
}

}  // namespace
}  // namespace kube_harden
