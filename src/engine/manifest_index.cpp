#include "kube_harden/manifest_index.h"

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <utility>

namespace kube_harden {
namespace {

constexpr std::string_view kNamespaceGroupPrefix = "system:serviceaccounts:";

template <class Map>
auto* find_or_null(const Map& map, const std::string& key) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

template <class T>
std::span<const T* const> list_at(const std::unordered_map<std::string, std::vector<const T*>>& map,
                                  const std::string& key) {
  const std::vector<const T*>* list = find_or_null(map, key);
  return list ? std::span<const T* const>(*list) : std::span<const T* const>();
}

// A label of pods in a namespace, hashed for ManifestIndex::workloads_labelled().
uint64_t label_hash(std::string_view namespace_name, std::string_view key, std::string_view value) {
  return std::hash<std::string>()(key_of({namespace_name, key, value}));
}

// Appends `index` unless it is already the last entry (a binding naming a
// group twice is listed once).
void add_binding(std::vector<size_t>& list, size_t index) {
  if (list.empty() || list.back() != index) list.push_back(index);
}

}  // namespace

std::string key_of(std::initializer_list<std::string_view> parts) {
  std::string key;
  for (std::string_view part : parts) {
    key.append(part);
    key.push_back('\0');
  }
  return key;
}

std::vector<WorkloadSketch> running_workload_sketches(std::span<const Workload> workloads) {
  std::vector<WorkloadSketch> sketches;
  for (const Workload& workload : workloads) {
    if (workload.header.kind == "PodTemplate") continue;
    const ObjectHeader& header = workload.header;
    sketches.push_back(WorkloadSketch{header.file_index, header.position, header.metadata.name,
                                      header.metadata.namespace_name,
                                      PackedLabels(workload.pod_metadata.labels)});
  }
  return sketches;
}

ManifestIndex::ManifestIndex(const Manifests& manifests, const RuleOptions& options)
    : ManifestIndex(manifests, running_workload_sketches(manifests.workloads), options) {}

ManifestIndex::ManifestIndex(const Manifests& manifests, std::vector<WorkloadSketch> workloads,
                             const RuleOptions& options)
    : manifests_(manifests), options_(options), workload_sketches_(std::move(workloads)) {
  for (const Namespace& space : manifests.namespaces) {
    namespaces_[space.header.metadata.name] = &space;
  }
  std::vector<std::pair<uint64_t, const WorkloadSketch*>> labelled;
  for (const WorkloadSketch& workload : workload_sketches_) {
    std::string space = namespace_of(workload.namespace_name, options);
    workload.pod_labels.for_each([&](std::string_view key, std::string_view value) {
      labelled.emplace_back(label_hash(space, key, value), &workload);
    });
    workloads_[std::move(space)].push_back(&workload);
  }
  std::stable_sort(labelled.begin(), labelled.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  label_hashes_.reserve(labelled.size());
  labelled_workloads_.reserve(labelled.size());
  for (const auto& [hash, workload] : labelled) {
    label_hashes_.push_back(hash);
    labelled_workloads_.push_back(workload);
  }
  for (const NetworkPolicy& policy : manifests.network_policies) {
    std::string_view space = namespace_named_as(policy.header.metadata.namespace_name);
    const std::vector<KeyValue>& wanted = policy.pod_selector.match_labels;
    if (wanted.empty()) {
      policies_without_labels_[std::string(space)].push_back(&policy);
    } else {
      policies_by_first_label_.add({space, wanted.front().key, wanted.front().value}, &policy);
    }
    network_policies_[std::string(space)].push_back(&policy);
  }
  policies_by_first_label_.sort();
  for (const ServiceAccount& account : manifests.service_accounts) {
    std::string_view space = namespace_named_as(account.header.metadata.namespace_name);
    service_accounts_.add({space, account.header.metadata.name}, &account);
    namespaces_with_accounts_.emplace(space);
  }
  service_accounts_.sort();
  for (size_t i = 0; i < manifests.role_bindings.size(); ++i) {
    const RoleBinding& binding = manifests.role_bindings[i];
    bindings_of_file_[binding.header.file_index].push_back(&binding);
    for (const Subject& subject : binding.subjects) {
      if (subject.kind == "ServiceAccount") {
        std::string_view space = subject.namespace_name.empty()
                                     ? namespace_named_as(binding.header.metadata.namespace_name)
                                     : std::string_view(subject.namespace_name);
        // (Named twice, listed twice: bindings_of_service_account() drops repeats.)
        bindings_by_account_.add({space, subject.name}, i);
      } else if (subject.kind == "Group") {
        std::string_view group = subject.name;
        if (group == "system:serviceaccounts" || group == "system:authenticated") {
          add_binding(bindings_of_every_account_, i);
        } else if (group.starts_with(kNamespaceGroupPrefix)) {
          add_binding(
              bindings_by_namespace_group_[std::string(group.substr(kNamespaceGroupPrefix.size()))],
              i);
        }
      }
    }
  }
  bindings_by_account_.sort();
  for (const Role& role : manifests.roles) {
    std::string_view space = role.header.kind == "Role"
                                 ? namespace_named_as(role.header.metadata.namespace_name)
                                 : std::string_view();
    roles_.add({role.header.kind, space, role.header.metadata.name}, &role);
  }
  roles_.sort();
}

std::string_view ManifestIndex::namespace_named_as(std::string_view written) const {
  return written.empty() ? std::string_view(options_.default_namespace) : written;
}

const Namespace* ManifestIndex::namespace_named(std::string_view name) const {
  const Namespace* const* found = find_or_null(namespaces_, std::string(name));
  return found ? *found : nullptr;
}

std::span<const WorkloadSketch* const> ManifestIndex::workloads_in(
    std::string_view namespace_name) const {
  return list_at(workloads_, std::string(namespace_name));
}

std::span<const NetworkPolicy* const> ManifestIndex::network_policies_in(
    std::string_view namespace_name) const {
  return list_at(network_policies_, std::string(namespace_name));
}

std::span<const WorkloadSketch* const> ManifestIndex::workloads_labelled(
    std::string_view namespace_name, std::string_view key, std::string_view value) const {
  auto [first, last] = std::equal_range(label_hashes_.begin(), label_hashes_.end(),
                                        label_hash(namespace_name, key, value));
  return std::span<const WorkloadSketch* const>(labelled_workloads_)
      .subspan(first - label_hashes_.begin(), last - first);
}

std::vector<const NetworkPolicy*> ManifestIndex::policies_that_may_select(
    std::string_view namespace_name, const std::vector<KeyValue>& labels) const {
  std::span<const NetworkPolicy* const> unlabelled =
      list_at(policies_without_labels_, std::string(namespace_name));
  std::vector<const NetworkPolicy*> policies(unlabelled.begin(), unlabelled.end());
  for (const KeyValue& label : labels) {
    if (find_last(labels, label.key) != &label) continue;
    for (const auto& [names, policy] :
         policies_by_first_label_.find({namespace_name, label.key, label.value})) {
      policies.push_back(policy);
    }
  }
  return policies;
}

const ServiceAccount* ManifestIndex::service_account(std::string_view namespace_name,
                                                     std::string_view name) const {
  auto found = service_accounts_.find({namespace_name, name});
  return found.empty() ? nullptr : found.back().second;
}

bool ManifestIndex::has_service_accounts_in(std::string_view namespace_name) const {
  return namespaces_with_accounts_.contains(std::string(namespace_name));
}

std::vector<const RoleBinding*> ManifestIndex::bindings_of_service_account(
    std::string_view namespace_name, std::string_view name) const {
  std::vector<size_t> indices = bindings_of_every_account_;
  for (const auto& [names, index] : bindings_by_account_.find({namespace_name, name})) {
    indices.push_back(index);
  }
  if (const std::vector<size_t>* list =
          find_or_null(bindings_by_namespace_group_, std::string(namespace_name))) {
    indices.insert(indices.end(), list->begin(), list->end());
  }
  // Input order, each binding once, as a scan of every binding would give.
  std::sort(indices.begin(), indices.end());
  indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
  std::vector<const RoleBinding*> bindings;
  bindings.reserve(indices.size());
  for (size_t i : indices) bindings.push_back(&manifests_.role_bindings[i]);
  return bindings;
}

bool ManifestIndex::service_account_has_bindings(std::string_view namespace_name,
                                                 std::string_view name) const {
  return !bindings_of_every_account_.empty() ||
         !bindings_by_account_.find({namespace_name, name}).empty() ||
         bindings_by_namespace_group_.contains(std::string(namespace_name));
}

std::span<const RoleBinding* const> ManifestIndex::bindings_in_file(size_t file_index) const {
  auto it = bindings_of_file_.find(file_index);
  if (it == bindings_of_file_.end()) return {};
  return it->second;
}

std::vector<const Role*> ManifestIndex::roles_bound_by(const RoleBinding& binding) const {
  std::string_view space = binding.role_ref_kind == "Role"
                               ? namespace_named_as(binding.header.metadata.namespace_name)
                               : std::string_view();
  std::vector<const Role*> roles;
  for (const auto& [names, role] :
       roles_.find({binding.role_ref_kind, space, binding.role_ref_name})) {
    roles.push_back(role);
  }
  return roles;
}

}  // namespace kube_harden
