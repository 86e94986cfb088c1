#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <queue>
#include <utility>
#include <vector>

namespace kube_harden {

// Which item a free thread of an ordered pipeline takes next, among those
// opened to it and not started yet. Results are reported in index order, so
// items are taken in index order and their results can be reported as the
// threads go; but an item heavy enough to finish last if taken in its turn
// is taken first: one that weighs at least half of one thread's share of
// the work not started yet. Near the end that is every item, heaviest first,
// so that the threads finish together. With one thread, index order always.
class WorkOrder {
 public:
  WorkOrder(std::vector<uint64_t> weights, unsigned threads);
  // The heap compares through a pointer to weights_.
  WorkOrder(const WorkOrder&) = delete;
  WorkOrder& operator=(const WorkOrder&) = delete;

  // Opens items up to `end` (exclusive) to be taken.
  void open_until(size_t end);
  // The item to start now, if an opened item has not started.
  std::optional<size_t> take();

  uint64_t weight(size_t item) const { return weights_[item]; }

 private:
  // Heavier first, then lower index.
  struct Lighter {
    const std::vector<uint64_t>* weights;
    bool operator()(size_t a, size_t b) const {
      return (*weights)[a] != (*weights)[b] ? (*weights)[a] < (*weights)[b] : a > b;
    }
  };

  std::vector<uint64_t> weights_;
  std::vector<bool> started_;
  uint64_t threads_;
  uint64_t weight_not_started_ = 0;  // of all items, opened or not
  size_t opened_end_ = 0;
  size_t first_not_started_ = 0;
  // The opened items, some of them started already (dropped when they come up).
  std::priority_queue<size_t, std::vector<size_t>, Lighter> heaviest_;
};

}  // namespace kube_harden
