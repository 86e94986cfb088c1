#include "rules/label_selector.h"

#include <algorithm>
#include <optional>
#include <string_view>

namespace kube_harden {
namespace {

// `value_of(key)` gives a label's value, if the labels have that key.
template <class ValueOf>
bool requirement_holds(const LabelSelectorRequirement& requirement, const ValueOf& value_of) {
  std::optional<std::string_view> value = value_of(requirement.key);
  auto listed = [&] {
    return value && std::find(requirement.values.begin(), requirement.values.end(), *value) !=
                        requirement.values.end();
  };
  if (requirement.op == "In") return listed();
  if (requirement.op == "NotIn") return !listed();
  if (requirement.op == "Exists") return value.has_value();
  if (requirement.op == "DoesNotExist") return !value.has_value();
  return false;
}

template <class ValueOf>
bool matches(const LabelSelector& selector, const ValueOf& value_of) {
  for (const KeyValue& wanted : selector.match_labels) {
    std::optional<std::string_view> value = value_of(wanted.key);
    if (!value || *value != wanted.value) return false;
  }
  return std::all_of(
      selector.match_expressions.begin(), selector.match_expressions.end(),
      [&](const LabelSelectorRequirement& r) { return requirement_holds(r, value_of); });
}

}  // namespace

bool selector_matches(const LabelSelector& selector, const std::vector<KeyValue>& labels) {
  return matches(selector, [&](std::string_view key) -> std::optional<std::string_view> {
    const KeyValue* label = find_last(labels, key);
    if (!label) return std::nullopt;
    return label->value;
  });
}

bool selector_matches(const LabelSelector& selector, const PackedLabels& labels) {
  return matches(selector, [&](std::string_view key) { return labels.value_of(key); });
}

}  // namespace kube_harden
