#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "kube_harden/finding.h"
#include "kube_harden/manifest_index.h"
#include "kube_harden/model.h"
#include "kube_harden/rule.h"
#include "kube_harden/rule_metadata.h"
#include "kube_harden/rule_selection.h"

namespace kube_harden {

// Some of a run's objects: a contiguous part of each list of its Manifests.
struct ObjectSlice {
  std::span<const Workload> workloads;
  std::span<const PodSecurityPolicy> pod_security_policies;
  std::span<const ServiceAccount> service_accounts;
  std::span<const NetworkPolicy> network_policies;
  std::span<const Namespace> namespaces;
  std::span<const Role> roles;
  std::span<const RoleBinding> role_bindings;
};

ObjectSlice whole(const Manifests& manifests);

// Each file's part of `cross_objects` (its ServiceAccounts, NetworkPolicies,
// Namespaces, Roles and RoleBindings, merged in file order), by
// ObjectHeader::file_index; workloads and PodSecurityPolicies left empty.
// Found by binary search when asked, as a run may have 100,000 files.
class CrossObjectSlices {
 public:
  // Throws std::logic_error when the objects are not in file order.
  explicit CrossObjectSlices(const Manifests& cross_objects);

  ObjectSlice of_file(size_t file_index) const;

 private:
  const Manifests& cross_objects_;
};

// Runs the selected built-in rules over any part of a run's objects. What
// concerns the whole run (lookups across objects, each workload's Pod
// Security Standards policy) is worked out once, here. run() only reads, so
// several threads may call it at once.
class RuleRunner {
 public:
  // Lookups across objects go to the ServiceAccounts, NetworkPolicies,
  // Namespaces, Roles and RoleBindings of `cross_objects` and to
  // `workloads`. `file_names` maps ObjectHeader::file_index to the name
  // findings carry.
  RuleRunner(const Manifests& cross_objects, std::vector<WorkloadSketch> workloads,
             const std::vector<std::string>& file_names, const RuleOptions& options,
             const RuleSelection& selection, const RuleCatalog& catalog);
  ~RuleRunner();

  // The findings of every selected rule on the objects of `slice` (objects
  // of this run), in rule order, with the selection's severities.
  std::vector<Finding> run(const ObjectSlice& slice) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace kube_harden
