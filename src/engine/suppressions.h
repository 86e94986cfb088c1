#pragma once

#include <string>
#include <vector>

#include "engine/suppression_comments.h"
#include "kube_harden/finding.h"
#include "kube_harden/model.h"
#include "kube_harden/rule_metadata.h"
#include "kube_harden/rule_selection.h"
#include "kube_harden/suppression.h"

namespace kube_harden {

// Everything a run's suppressions are decided on.
struct SuppressionInputs {
  const Manifests& manifests;
  const std::vector<std::string>& file_names;
  // Per file (ObjectHeader::file_index): its `# kube-harden:ignore` comments.
  const std::vector<std::vector<SuppressionComment>>& comments;
  const SuppressionSettings& settings;
  const RuleSelection& selection;
  const RuleCatalog& catalog;
};

// Marks the findings that annotations, comments or config exemptions
// suppress, and appends unused-suppression and suppression-missing-reason
// findings for suppressions that match nothing or give no reason.
void apply_suppressions(std::vector<Finding>& findings, const SuppressionInputs& inputs);

}  // namespace kube_harden
