#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kube_harden/model.h"

namespace kube_harden {

// Labels packed into one string, as a run keeps them for every workload:
// each key with its value (the last, as the API keeps the last of duplicate
// keys), in the order the keys last appear, each string after its length.
// As KeyValues (two strings and a position each) they took three times the
// memory.
class PackedLabels {
 public:
  PackedLabels() = default;
  explicit PackedLabels(const std::vector<KeyValue>& labels);

  // The value of `key`, if there is a label of that key.
  std::optional<std::string_view> value_of(std::string_view key) const;

  // Calls visit(key, value) for each label, in order.
  template <class Visit>
  void for_each(const Visit& visit) const {
    std::string_view rest = text_;
    while (!rest.empty()) {
      std::string_view key = take_string(rest);
      std::string_view value = take_string(rest);
      visit(key, value);
    }
  }

 private:
  using Length = uint32_t;

  void add_string(std::string_view text);
  static std::string_view take_string(std::string_view& rest) {
    Length length = 0;
    std::memcpy(&length, rest.data(), sizeof length);
    std::string_view text = rest.substr(sizeof length, length);
    rest.remove_prefix(sizeof length + length);
    return text;
  }

  std::string text_;
};

}  // namespace kube_harden
