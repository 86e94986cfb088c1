#pragma once

#include <vector>

#include "kube_harden/model.h"
#include "kube_harden/packed_labels.h"

namespace kube_harden {

// Whether `selector` selects an object with `labels`, as the API does:
// matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist) all
// hold; an empty selector selects everything. An unknown operator selects
// nothing, as the API server would refuse it.
bool selector_matches(const LabelSelector& selector, const std::vector<KeyValue>& labels);
bool selector_matches(const LabelSelector& selector, const PackedLabels& labels);

}  // namespace kube_harden
