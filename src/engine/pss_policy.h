#pragma once

#include <string>
#include <vector>

#include "kube_harden/manifest_index.h"
#include "kube_harden/model.h"
#include "kube_harden/rule.h"

namespace kube_harden {

// The Pod Security Standards policy that applies to one workload.
struct PssPolicy {
  bool enforced = true;  // false for the "privileged" level: no PSS rule runs
  PssLevel level = PssLevel::Restricted;
  K8sVersion version = K8sVersion::latest();
  std::string source;  // what set the level, for findings
};

// Resolves the policy the way a cluster would: the labels
// pod-security.kubernetes.io/enforce and enforce-version of the workload's
// Namespace (when that Namespace is in the input) decide, unless --pss or
// --k8s-version were given on the command line.
PssPolicy pss_policy_for(const ObjectHeader& object, const ManifestIndex& index,
                         const RuleOptions& options, const std::vector<std::string>& file_names);

}  // namespace kube_harden
