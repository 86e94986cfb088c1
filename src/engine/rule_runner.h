#pragma once

#include <string>
#include <vector>

#include "kube_harden/finding.h"
#include "kube_harden/model.h"
#include "kube_harden/rule.h"
#include "kube_harden/rule_metadata.h"
#include "kube_harden/rule_selection.h"

namespace kube_harden {

// Runs every selected built-in rule that applies under `options` over every
// object, rules spread over `jobs` threads; findings come in rule order
// whatever `jobs` is. `file_names` maps ObjectHeader::file_index to the name
// findings carry.
std::vector<Finding> run_rules(const Manifests& manifests,
                               const std::vector<std::string>& file_names,
                               const RuleOptions& options, const RuleSelection& selection,
                               const RuleCatalog& catalog, unsigned jobs = 1);

}  // namespace kube_harden
