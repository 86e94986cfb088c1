#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kube_harden/model.h"
#include "kube_harden/names_lookup.h"
#include "kube_harden/packed_labels.h"
#include "kube_harden/rule.h"

namespace kube_harden {

// One map key from several names: '\0' cannot occur in Kubernetes names, so
// distinct tuples never collide.
std::string key_of(std::initializer_list<std::string_view> parts);

// What the rules that look across workloads need of one: which object it
// is, its namespace and its pods' labels. One is kept for every workload of
// a run, so it holds nothing else.
struct WorkloadSketch {
  size_t file_index = 0;
  Position position;  // the object's: with file_index, it says which workload this is
  std::string name;
  std::string namespace_name;  // as written: empty means the run's default
  PackedLabels pod_labels;

  bool is(const Workload& workload) const {
    return workload.header.file_index == file_index && workload.header.position == position;
  }
};

// The sketches of the workloads that run pods (PodTemplates run nothing by
// themselves), in input order.
std::vector<WorkloadSketch> running_workload_sketches(std::span<const Workload> workloads);

// The cross-object lookups rules need, built once per run so that each is a
// hash lookup rather than a scan of every object: a run stays linear in the
// number of objects. Lists keep input order; "last" means what a cluster
// keeps when the input defines an object twice. Namespaces are resolved with
// namespace_of() under the options given here.
class ManifestIndex {
 public:
  ManifestIndex(const Manifests& manifests, const RuleOptions& options);
  // Over the objects of `manifests` but its workloads, which `workloads` stand for.
  ManifestIndex(const Manifests& manifests, std::vector<WorkloadSketch> workloads,
                const RuleOptions& options);
  // Its lookups hold views of its own options: it stays where it was made.
  ManifestIndex(const ManifestIndex&) = delete;
  ManifestIndex& operator=(const ManifestIndex&) = delete;

  // The last Namespace object of that name, or null.
  const Namespace* namespace_named(std::string_view name) const;

  // The workloads that run pods in a namespace (PodTemplates run nothing by themselves).
  std::span<const WorkloadSketch* const> workloads_in(std::string_view namespace_name) const;
  std::span<const NetworkPolicy* const> network_policies_in(std::string_view namespace_name) const;
  bool has_network_policies() const { return !manifests_.network_policies.empty(); }

  // Label lookups, so that matching every policy of a namespace against
  // every workload there stays linear when one namespace holds thousands.
  // The workloads of a namespace whose pods carry key=value (a key's last
  // value counts), in input order. A superset, as labels are looked up by
  // hash: check each with the selector.
  std::span<const WorkloadSketch* const> workloads_labelled(std::string_view namespace_name,
                                                            std::string_view key,
                                                            std::string_view value) const;
  // The NetworkPolicies of a namespace whose podSelector could select pods
  // with `labels`: those whose first matchLabels entry is among the labels,
  // and those without matchLabels. A superset: check each with the selector.
  std::vector<const NetworkPolicy*> policies_that_may_select(
      std::string_view namespace_name, const std::vector<KeyValue>& labels) const;

  // The last ServiceAccount of that namespace and name, or null.
  const ServiceAccount* service_account(std::string_view namespace_name,
                                        std::string_view name) const;
  bool has_service_accounts_in(std::string_view namespace_name) const;

  // The bindings whose subjects include that ServiceAccount, by name or
  // through a group its token carries (see binds_service_account()).
  std::vector<const RoleBinding*> bindings_of_service_account(std::string_view namespace_name,
                                                              std::string_view name) const;
  // Whether that list is not empty, without making it.
  bool service_account_has_bindings(std::string_view namespace_name, std::string_view name) const;
  // The bindings a file holds, in input order.
  std::span<const RoleBinding* const> bindings_in_file(size_t file_index) const;

  // The roles a binding's roleRef can mean: ClusterRoles of that name, or
  // Roles of that name in the binding's namespace.
  std::vector<const Role*> roles_bound_by(const RoleBinding& binding) const;

 private:
  template <class T>
  using ListsByKey = std::unordered_map<std::string, std::vector<const T*>>;

  // The namespace an object or subject written with `written` lives in: a
  // view of it, or of the run's default.
  std::string_view namespace_named_as(std::string_view written) const;

  const Manifests& manifests_;
  RuleOptions options_;
  std::unordered_map<std::string, const Namespace*> namespaces_;
  std::vector<WorkloadSketch> workload_sketches_;
  ListsByKey<WorkloadSketch> workloads_;
  ListsByKey<NetworkPolicy> network_policies_;
  // Each workload once for each label of its pods, by the label's hash (see
  // label_hash()), sorted by hash and then input order: 16 bytes a label,
  // where a map of lists by label took ten times that.
  std::vector<uint64_t> label_hashes_;
  std::vector<const WorkloadSketch*> labelled_workloads_;         // beside label_hashes_
  NamesLookup<3, const NetworkPolicy*> policies_by_first_label_;  // namespace, key, value
  ListsByKey<NetworkPolicy> policies_without_labels_;
  NamesLookup<2, const ServiceAccount*> service_accounts_;  // namespace, name
  std::unordered_set<std::string> namespaces_with_accounts_;
  // Indices into manifests.role_bindings, ascending; by the account's
  // namespace and name, once for each time a binding names it.
  NamesLookup<2, size_t> bindings_by_account_;
  std::unordered_map<std::string, std::vector<size_t>> bindings_by_namespace_group_;
  std::vector<size_t> bindings_of_every_account_;
  std::unordered_map<size_t, std::vector<const RoleBinding*>> bindings_of_file_;
  NamesLookup<3, const Role*> roles_;  // kind, namespace (none for a ClusterRole), name
};

}  // namespace kube_harden
