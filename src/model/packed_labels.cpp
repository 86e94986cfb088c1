#include "kube_harden/packed_labels.h"

namespace kube_harden {

PackedLabels::PackedLabels(const std::vector<KeyValue>& labels) {
  size_t size = 0;
  for (const KeyValue& label : labels) {
    size += 2 * sizeof(Length) + label.key.size() + label.value.size();
  }
  text_.reserve(size);
  for (const KeyValue& label : labels) {
    if (find_last(labels, label.key) != &label) continue;
    add_string(label.key);
    add_string(label.value);
  }
  text_.shrink_to_fit();
}

std::optional<std::string_view> PackedLabels::value_of(std::string_view key) const {
  std::optional<std::string_view> found;
  for_each([&](std::string_view label_key, std::string_view value) {
    if (label_key == key) found = value;
  });
  return found;
}

void PackedLabels::add_string(std::string_view text) {
  Length length = static_cast<Length>(text.size());
  text_.append(reinterpret_cast<const char*>(&length), sizeof length);
  text_.append(text);
}

}  // namespace kube_harden
