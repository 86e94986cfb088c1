#include "engine/work_order.h"

#include <algorithm>

namespace kube_harden {

WorkOrder::WorkOrder(std::vector<uint64_t> weights, unsigned threads)
    : weights_(std::move(weights)),
      started_(weights_.size(), false),
      threads_(std::max(threads, 1u)),
      heaviest_(Lighter{&weights_}) {
  for (uint64_t weight : weights_) weight_not_started_ += weight;
}

void WorkOrder::open_until(size_t end) {
  for (; opened_end_ < std::min(end, weights_.size()); ++opened_end_) heaviest_.push(opened_end_);
}

std::optional<size_t> WorkOrder::take() {
  while (first_not_started_ < opened_end_ && started_[first_not_started_]) ++first_not_started_;
  if (first_not_started_ == opened_end_) return std::nullopt;
  while (started_[heaviest_.top()]) heaviest_.pop();
  size_t item = first_not_started_;
  if (threads_ > 1 && 2 * threads_ * weights_[heaviest_.top()] >= weight_not_started_) {
    item = heaviest_.top();
  }
  started_[item] = true;
  weight_not_started_ -= weights_[item];
  return item;
}

}  // namespace kube_harden
