#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace kube_harden {

// Values looked up by a tuple of N names (a namespace and an object's name,
// say), kept as views of strings that outlive the lookup: the objects of a
// run and its options. Sorted once all are added, so an entry costs its
// views and its value, where a hash map of string keys costs a node and a
// copy of the key, three times as much at 100,000 objects.
template <size_t N, class Value>
class NamesLookup {
 public:
  using Names = std::array<std::string_view, N>;
  using Entry = std::pair<Names, Value>;

  void add(const Names& names, Value value) { entries_.emplace_back(names, std::move(value)); }

  // After the last add(): values of equal names keep the order they were added in.
  void sort() {
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const Entry& a, const Entry& b) { return a.first < b.first; });
    entries_.shrink_to_fit();
  }

  // The entries of these names, in the order they were added (after sort()).
  std::span<const Entry> find(const Names& names) const {
    auto [first, last] = std::equal_range(entries_.begin(), entries_.end(), names, ByNames());
    return std::span<const Entry>(first, last);
  }

 private:
  struct ByNames {
    bool operator()(const Entry& entry, const Names& names) const { return entry.first < names; }
    bool operator()(const Names& names, const Entry& entry) const { return names < entry.first; }
  };

  std::vector<Entry> entries_;
};

}  // namespace kube_harden
