#include "rules/label_selector.h"

#include <algorithm>

namespace kube_harden {
namespace {

bool requirement_holds(const LabelSelectorRequirement& requirement,
                       const std::vector<KeyValue>& labels) {
  const KeyValue* label = find_last(labels, requirement.key);
  auto listed = [&] {
    return label && std::find(requirement.values.begin(), requirement.values.end(), label->value) !=
                        requirement.values.end();
  };
  if (requirement.op == "In") return listed();
  if (requirement.op == "NotIn") return !listed();
  if (requirement.op == "Exists") return label != nullptr;
  if (requirement.op == "DoesNotExist") return label == nullptr;
  return false;
}

}  // namespace

bool selector_matches(const LabelSelector& selector, const std::vector<KeyValue>& labels) {
  for (const KeyValue& wanted : selector.match_labels) {
    const KeyValue* label = find_last(labels, wanted.key);
    if (!label || label->value != wanted.value) return false;
  }
  return std::all_of(
      selector.match_expressions.begin(), selector.match_expressions.end(),
      [&](const LabelSelectorRequirement& r) { return requirement_holds(r, labels); });
}

}  // namespace kube_harden
