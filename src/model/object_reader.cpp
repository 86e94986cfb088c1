#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>

#include "kube_harden/model_builder.h"
#include "model/field_readers.h"
#include "model/key_path.h"
#include "model/pod_spec_reader.h"

namespace kube_harden {
namespace {

// The API group of an apiVersion ("apps/v1" -> "apps"; "v1" -> "", the core group).
std::string_view api_group(std::string_view api_version) {
  size_t slash = api_version.find('/');
  return slash == std::string_view::npos ? std::string_view() : api_version.substr(0, slash);
}

bool in_group(std::string_view api_version, std::initializer_list<std::string_view> groups) {
  std::string_view group = api_group(api_version);
  for (std::string_view allowed : groups) {
    if (group == allowed) return true;
  }
  return false;
}

ObjectMeta read_metadata(const YamlNode* object, std::string_view key = "metadata") {
  ObjectMeta meta;
  const YamlNode* node = child_map(object, key);
  meta.position = key_position(object, key);
  StringField name = read_string(node, "name");
  meta.name = name.value.value_or("");
  meta.name_position = name.position;
  meta.namespace_name = read_string(node, "namespace").value.value_or("");
  meta.labels = read_string_map(node, "labels");
  meta.annotations = read_string_map(node, "annotations");
  return meta;
}

// Where each workload kind keeps its pod template, as PSA's DefaultPodSpecExtractor reads it.
struct TemplateLocation {
  std::string_view kind;
  std::initializer_list<std::string_view> groups;
  std::initializer_list<std::string_view> template_keys;  // keys leading to the template
};

constexpr std::string_view kCore = "";
const TemplateLocation kWorkloadKinds[] = {
    {"Pod", {kCore}, {}},
    {"PodTemplate", {kCore}, {"template"}},
    {"ReplicationController", {kCore}, {"spec", "template"}},
    {"Deployment", {"apps", "extensions"}, {"spec", "template"}},
    {"ReplicaSet", {"apps", "extensions"}, {"spec", "template"}},
    {"DaemonSet", {"apps", "extensions"}, {"spec", "template"}},
    {"StatefulSet", {"apps"}, {"spec", "template"}},
    {"Job", {"batch"}, {"spec", "template"}},
    {"CronJob", {"batch"}, {"spec", "jobTemplate", "spec", "template"}},
};

// Which list of the model an object of this apiVersion and kind goes to.
struct ModelledKind {
  enum class Type {
    None,
    Workload,
    PodSecurityPolicy,
    ServiceAccount,
    NetworkPolicy,
    Namespace,
    Role,
    RoleBinding
  } type = Type::None;
  const TemplateLocation* workload = nullptr;  // for workloads
};

// The kinds modelled besides workloads, and the API groups they are read in.
struct OtherKind {
  std::string_view kind;
  std::initializer_list<std::string_view> groups;
  ModelledKind::Type type;
};

const OtherKind kOtherKinds[] = {
    {"PodSecurityPolicy", {"policy", "extensions"}, ModelledKind::Type::PodSecurityPolicy},
    {"ServiceAccount", {kCore}, ModelledKind::Type::ServiceAccount},
    {"NetworkPolicy", {"networking.k8s.io", "extensions"}, ModelledKind::Type::NetworkPolicy},
    {"Namespace", {kCore}, ModelledKind::Type::Namespace},
    {"Role", {"rbac.authorization.k8s.io"}, ModelledKind::Type::Role},
    {"ClusterRole", {"rbac.authorization.k8s.io"}, ModelledKind::Type::Role},
    {"RoleBinding", {"rbac.authorization.k8s.io"}, ModelledKind::Type::RoleBinding},
    {"ClusterRoleBinding", {"rbac.authorization.k8s.io"}, ModelledKind::Type::RoleBinding},
};

// The types of the lists that rules look up across files.
bool is_cross_object(ModelledKind::Type type) {
  using Type = ModelledKind::Type;
  return type == Type::ServiceAccount || type == Type::NetworkPolicy || type == Type::Namespace ||
         type == Type::Role || type == Type::RoleBinding;
}

ModelledKind modelled_kind(std::string_view api_version, std::string_view kind) {
  for (const TemplateLocation& location : kWorkloadKinds) {
    if (kind == location.kind && in_group(api_version, location.groups)) {
      return {ModelledKind::Type::Workload, &location};
    }
  }
  for (const OtherKind& other : kOtherKinds) {
    if (kind == other.kind && in_group(api_version, other.groups)) return {other.type};
  }
  return {};
}

Workload read_workload(const YamlNode* object, ObjectHeader header,
                       const TemplateLocation& location) {
  Workload workload;
  const YamlNode* pod_object = object;  // the mapping holding the pod's metadata and spec
  std::string path;
  for (std::string_view key : location.template_keys) {
    pod_object = child_map(pod_object, key);
    path += std::string(key) + ".";
  }
  workload.pod_metadata = pod_object == object ? header.metadata : read_metadata(pod_object);
  workload.pod =
      read_pod_spec(child_map(pod_object, "spec"), key_position(pod_object, "spec"), path + "spec");
  if (!workload.pod.position.known()) workload.pod.position = header.position;
  workload.header = std::move(header);
  return workload;
}

std::vector<StringField> read_list_with_position(const YamlNode* map, std::string_view key,
                                                 Position& position) {
  position = key_position(map, key);
  return read_string_list(map, key);
}

PodSecurityPolicy read_pod_security_policy(const YamlNode* object, ObjectHeader header) {
  PodSecurityPolicy psp;
  const YamlNode* spec = child_map(object, "spec");
  psp.spec_position = key_position(object, "spec");
  psp.privileged = read_bool(spec, "privileged");
  psp.host_network = read_bool(spec, "hostNetwork");
  psp.host_pid = read_bool(spec, "hostPID");
  psp.host_ipc = read_bool(spec, "hostIPC");
  psp.allow_privilege_escalation = read_bool(spec, "allowPrivilegeEscalation");
  psp.host_ports_position = key_position(spec, "hostPorts");
  if (const YamlNode* ranges = child_sequence(spec, "hostPorts")) {
    for (const YamlNode* range : ranges->items) {
      psp.host_ports.push_back(
          HostPortRange{range->position, read_int(range, "min"), read_int(range, "max")});
    }
  }
  psp.allowed_capabilities =
      read_list_with_position(spec, "allowedCapabilities", psp.allowed_capabilities_position);
  psp.default_add_capabilities = read_list_with_position(spec, "defaultAddCapabilities",
                                                         psp.default_add_capabilities_position);
  psp.required_drop_capabilities = read_list_with_position(spec, "requiredDropCapabilities",
                                                           psp.required_drop_capabilities_position);
  psp.volumes = read_list_with_position(spec, "volumes", psp.volumes_position);
  psp.run_as_user_position = key_position(spec, "runAsUser");
  psp.run_as_user_rule = read_string(child_map(spec, "runAsUser"), "rule");
  psp.se_linux_rule = read_string(child_map(spec, "seLinux"), "rule");
  psp.allowed_host_paths_position = key_position(spec, "allowedHostPaths");
  if (const YamlNode* paths = child_sequence(spec, "allowedHostPaths")) {
    for (const YamlNode* item : paths->items) {
      psp.allowed_host_paths.push_back(AllowedHostPath{
          item->position, read_string(item, "pathPrefix"), read_bool(item, "readOnly")});
    }
  }
  psp.allowed_unsafe_sysctls = read_list_with_position(spec, "allowedUnsafeSysctls",
                                                       psp.allowed_unsafe_sysctls_position);
  psp.allowed_proc_mount_types = read_string_list(spec, "allowedProcMountTypes");
  psp.header = std::move(header);
  return psp;
}

LabelSelector read_label_selector(const YamlNode* parent, std::string_view key) {
  LabelSelector selector;
  selector.position = key_position(parent, key);
  const YamlNode* node = child_map(parent, key);
  selector.present = node != nullptr;
  selector.match_labels = read_string_map(node, "matchLabels");
  if (const YamlNode* expressions = child_sequence(node, "matchExpressions")) {
    for (const YamlNode* item : expressions->items) {
      LabelSelectorRequirement requirement;
      requirement.key = read_string(item, "key").value.value_or("");
      requirement.op = read_string(item, "operator").value.value_or("");
      for (const StringField& value : read_string_list(item, "values")) {
        requirement.values.push_back(value.value.value_or(""));
      }
      selector.match_expressions.push_back(std::move(requirement));
    }
  }
  return selector;
}

std::vector<NetworkPolicyRule> read_network_policy_rules(const YamlNode* spec,
                                                         std::string_view direction,
                                                         std::string_view peers_key) {
  std::vector<NetworkPolicyRule> rules;
  const YamlNode* list = child_sequence(spec, direction);
  if (!list) return rules;
  for (size_t i = 0; i < list->items.size(); ++i) {
    const YamlNode* item = list->items[i];
    NetworkPolicyRule rule;
    rule.position = item->position;
    rule.path = fmt::format("spec.{}[{}]", direction, i);
    const YamlNode* peers = child_sequence(item, peers_key);
    rule.has_peers = peers && !peers->items.empty();
    if (const YamlNode* ports = child_sequence(item, "ports")) {
      for (size_t j = 0; j < ports->items.size(); ++j) {
        const YamlNode* port_node = ports->items[j];
        NetworkPolicyPort port;
        port.position = port_node->position;
        port.path = fmt::format("{}.ports[{}]", rule.path, j);
        port.protocol = read_string(port_node, "protocol");
        read_int_or_string(port_node, "port", port.port_number, port.port_name);
        port.end_port = read_int(port_node, "endPort");
        rule.ports.push_back(std::move(port));
      }
    }
    rules.push_back(std::move(rule));
  }
  return rules;
}

NetworkPolicy read_network_policy(const YamlNode* object, ObjectHeader header) {
  NetworkPolicy policy;
  const YamlNode* spec = child_map(object, "spec");
  policy.pod_selector = read_label_selector(spec, "podSelector");
  for (const StringField& type : read_string_list(spec, "policyTypes")) {
    policy.policy_types.push_back(type.value.value_or(""));
  }
  policy.has_ingress_field = spec && spec->find("ingress");
  policy.has_egress_field = spec && spec->find("egress");
  policy.ingress = read_network_policy_rules(spec, "ingress", "from");
  policy.egress = read_network_policy_rules(spec, "egress", "to");
  policy.header = std::move(header);
  return policy;
}

Role read_role(const YamlNode* object, ObjectHeader header) {
  Role role;
  if (const YamlNode* rules = child_sequence(object, "rules")) {
    for (size_t i = 0; i < rules->items.size(); ++i) {
      const YamlNode* item = rules->items[i];
      role.rules.push_back(
          PolicyRule{item->position, fmt::format("rules[{}]", i),
                     read_string_list(item, "apiGroups"), read_string_list(item, "resources"),
                     read_string_list(item, "verbs"), read_string_list(item, "resourceNames"),
                     read_string_list(item, "nonResourceURLs")});
    }
  }
  role.header = std::move(header);
  return role;
}

RoleBinding read_role_binding(const YamlNode* object, ObjectHeader header) {
  RoleBinding binding;
  const YamlNode* role_ref = child_map(object, "roleRef");
  binding.role_ref_position = key_position(object, "roleRef");
  binding.role_ref_kind = read_string(role_ref, "kind").value.value_or("");
  StringField role_ref_name = read_string(role_ref, "name");
  binding.role_ref_name = role_ref_name.value.value_or("");
  binding.role_ref_name_position = role_ref_name.position;
  if (const YamlNode* subjects = child_sequence(object, "subjects")) {
    for (const YamlNode* item : subjects->items) {
      binding.subjects.push_back(Subject{item->position,
                                         read_string(item, "kind").value.value_or(""),
                                         read_string(item, "name").value.value_or(""),
                                         read_string(item, "namespace").value.value_or("")});
    }
  }
  binding.header = std::move(header);
  return binding;
}

class ObjectReader {
 public:
  ObjectReader(size_t file_index, Manifests& out, DocumentCounts& counts)
      : file_index_(file_index), out_(out), counts_(counts) {}

  // Reads one document (or List item) and hands it the duplicate keys found
  // inside it.
  void read(const YamlNode* node, std::span<const DuplicateKey> duplicates, int list_depth = 0) {
    std::string api_version = read_string(node, "apiVersion").value.value_or("");
    std::string kind = read_string(node, "kind").value.value_or("");
    const YamlNode* items = child_sequence(node, "items");
    // v1 List (and typed lists such as PodList) hold objects in `items`.
    if (items && kind.ends_with("List") && list_depth < kMaxListDepth) {
      for (size_t i = 0; i < items->items.size(); ++i) {
        Position begin = items->items[i]->position;
        Position end = i + 1 < items->items.size() ? items->items[i + 1]->position
                                                   : Position{UINT32_MAX, UINT32_MAX};
        auto inside = [&](const DuplicateKey& d) { return begin <= d.last && d.last < end; };
        auto first = std::find_if(duplicates.begin(), duplicates.end(), inside);
        auto last = std::find_if_not(first, duplicates.end(), inside);
        read(items->items[i], std::span(first, last), list_depth + 1);
      }
      return;
    }
    std::vector<SourceIssue> issues;
    ObjectHeader* header = nullptr;
    {
      InvalidValueCollector collector(issues);
      header = read_object(node, api_version, kind);
    }
    if (!header) {
      ++counts_.skipped;
      return;
    }
    ++counts_.objects;
    for (const DuplicateKey& duplicate : duplicates) {
      SourceIssue issue;
      issue.kind = SourceIssue::Kind::DuplicateKey;
      issue.key = duplicate.key;
      issue.path = duplicate.path;
      issue.position = duplicate.last;
      issue.first_position = duplicate.first;
      issue.values_differ = duplicate.values_differ;
      issue.detail = duplicate.last_value;
      header->source_issues.push_back(std::move(issue));
    }
    // The readers record a bad value's key; its path is found here, where
    // the object's whole tree is at hand. A value shared through an alias is
    // read once per use but written, and reported, once.
    std::set<Position> reported;
    for (SourceIssue& issue : issues) {
      if (!reported.insert(issue.position).second) continue;
      if (std::optional<std::string> path = key_path(node, issue.position)) issue.path = *path;
      header->source_issues.push_back(std::move(issue));
    }
  }

 private:
  static constexpr int kMaxListDepth = 8;

  // The header of the object read and stored, or null when the kind is not modelled.
  ObjectHeader* read_object(const YamlNode* node, const std::string& api_version,
                            const std::string& kind) {
    if (!as_map(node) || kind.empty() || api_version.empty()) return nullptr;
    ModelledKind modelled = modelled_kind(api_version, kind);
    if (modelled.type == ModelledKind::Type::None) return nullptr;
    ObjectHeader header{api_version, kind, read_metadata(node), node->position, file_index_, {}};
    switch (modelled.type) {
      case ModelledKind::Type::Workload:
        return &out_.workloads
                    .emplace_back(read_workload(node, std::move(header), *modelled.workload))
                    .header;
      case ModelledKind::Type::PodSecurityPolicy:
        return &out_.pod_security_policies
                    .emplace_back(read_pod_security_policy(node, std::move(header)))
                    .header;
      case ModelledKind::Type::ServiceAccount: {
        ServiceAccount account{std::move(header), read_bool(node, "automountServiceAccountToken")};
        return &out_.service_accounts.emplace_back(std::move(account)).header;
      }
      case ModelledKind::Type::NetworkPolicy:
        return &out_.network_policies.emplace_back(read_network_policy(node, std::move(header)))
                    .header;
      case ModelledKind::Type::Namespace:
        return &out_.namespaces.emplace_back(Namespace{std::move(header)}).header;
      case ModelledKind::Type::Role:
        return &out_.roles.emplace_back(read_role(node, std::move(header))).header;
      case ModelledKind::Type::RoleBinding:
        return &out_.role_bindings.emplace_back(read_role_binding(node, std::move(header)))
                    .header;
      case ModelledKind::Type::None:
        break;
    }
    return nullptr;
  }

  size_t file_index_;
  Manifests& out_;
  DocumentCounts& counts_;
};

}  // namespace

std::optional<std::span<const std::string_view>> pod_template_keys(std::string_view api_version,
                                                                   std::string_view kind) {
  ModelledKind modelled = modelled_kind(api_version, kind);
  if (modelled.type != ModelledKind::Type::Workload) return std::nullopt;
  const auto& keys = modelled.workload->template_keys;
  return std::span<const std::string_view>(keys.begin(), keys.size());
}

bool is_workload_or_cross_object_kind(std::string_view kind) {
  for (const TemplateLocation& location : kWorkloadKinds) {
    if (kind == location.kind) return true;
  }
  for (const OtherKind& other : kOtherKinds) {
    if (kind == other.kind && is_cross_object(other.type)) return true;
  }
  return false;
}

bool is_modelled_kind(std::string_view api_version, std::string_view kind) {
  return modelled_kind(api_version, kind).type != ModelledKind::Type::None;
}

bool is_cross_object_kind(std::string_view api_version, std::string_view kind) {
  return is_cross_object(modelled_kind(api_version, kind).type);
}

void build_manifests(const YamlFile& yaml, size_t file_index, Manifests& out,
                     DocumentCounts& counts) {
  ObjectReader reader(file_index, out, counts);
  for (size_t i = 0; i < yaml.documents.size(); ++i) {
    ++counts.documents;
    std::vector<DuplicateKey> duplicates;
    for (const DuplicateKey& duplicate : yaml.duplicate_keys) {
      if (duplicate.document == i) duplicates.push_back(duplicate);
    }
    // Items of a List are matched to duplicates by position, in order.
    std::sort(duplicates.begin(), duplicates.end(),
              [](const DuplicateKey& a, const DuplicateKey& b) { return a.last < b.last; });
    reader.read(yaml.documents[i], duplicates);
  }
}

}  // namespace kube_harden
