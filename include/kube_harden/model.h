#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kube_harden/boxed.h"
#include "kube_harden/position.h"

namespace kube_harden {

// A scalar field of a manifest: its value, where its key stands, and whether
// it was present with a value of the wrong type (e.g. a quoted "true").
template <class T>
struct Field {
  std::optional<T> value;
  Position position;  // of the key; unknown when the field is absent
  bool invalid = false;

  bool present() const { return position.known(); }
  bool is(const T& expected) const { return value && *value == expected; }
};

using BoolField = Field<bool>;
using IntField = Field<int64_t>;
using StringField = Field<std::string>;

struct KeyValue {
  std::string key;
  std::string value;
  Position position;
};

// The last pair with `key`: Kubernetes keeps the last of duplicate keys.
const KeyValue* find_last(const std::vector<KeyValue>& pairs, std::string_view key);

struct ObjectMeta {
  std::string name;
  std::string namespace_name;  // empty when not set
  Position position;           // of the `metadata` key
  Position name_position;
  std::vector<KeyValue> labels;
  std::vector<KeyValue> annotations;

  const KeyValue* annotation(std::string_view key) const;
  const KeyValue* label(std::string_view key) const;
};

struct Capabilities {
  Position position;
  Position add_position;
  Position drop_position;
  std::vector<StringField> add;
  std::vector<StringField> drop;
};

struct SeccompProfile {
  Position position;
  StringField type;
  StringField localhost_profile;
};

struct SELinuxOptions {
  Position position;
  StringField user;
  StringField role;
  StringField type;
  StringField level;
};

struct AppArmorProfile {
  Position position;
  StringField type;
};

struct WindowsOptions {
  Position position;
  BoolField host_process;
};

struct Sysctl {
  Position position;
  std::string path;  // e.g. spec.securityContext.sysctls[0]
  StringField name;
  StringField value;
};

// The fields of a pod's and a container's securityContext; each object only
// fills those its level has (sysctls only for pods, privileged only for containers).
struct SecurityContext {
  Position position;
  BoolField privileged;
  BoolField allow_privilege_escalation;
  BoolField run_as_non_root;
  BoolField read_only_root_filesystem;
  IntField run_as_user;
  IntField run_as_group;
  IntField fs_group;
  StringField proc_mount;
  Boxed<Capabilities> capabilities;
  Boxed<SeccompProfile> seccomp_profile;
  Boxed<SELinuxOptions> se_linux_options;
  Boxed<AppArmorProfile> app_armor_profile;
  Boxed<WindowsOptions> windows_options;
  std::vector<Sysctl> sysctls;
};

struct ContainerPort {
  Position position;
  IntField container_port;
  IntField host_port;
  StringField protocol;
  StringField name;
};

// The host fields of a probe or lifecycle handler (httpGet.host, tcpSocket.host).
struct HandlerHost {
  std::string path;  // e.g. spec.containers[0].livenessProbe.httpGet.host
  StringField host;
};

struct VolumeMount {
  Position position;
  StringField name;
  StringField mount_path;
  BoolField read_only;
};

struct EnvVar {
  Position position;  // of the list item
  size_t index = 0;   // in the container's env list; env_path() makes its path
  StringField name;
  StringField value;                 // a literal value
  Position secret_key_ref_position;  // valueFrom.secretKeyRef, when used
};

enum class ContainerKind { Init, Regular, Ephemeral };

struct Container {
  ContainerKind kind = ContainerKind::Regular;
  std::string name;
  Position position;  // of the `name` key, or of the list item when unnamed
  std::string path;   // e.g. spec.template.spec.containers[0]
  StringField image;
  Boxed<SecurityContext> security_context;
  std::vector<ContainerPort> ports;
  std::vector<VolumeMount> volume_mounts;
  std::vector<HandlerHost> handler_hosts;
  std::vector<EnvVar> env;
  Position resources_position;   // of `resources`, when present
  std::vector<KeyValue> limits;  // resources.limits, e.g. cpu, memory
};

// The path of one of the container's env variables, e.g. spec.containers[0].env[2]:
// made when a finding needs it rather than kept for every variable.
std::string env_path(const Container& container, const EnvVar& variable);

struct Volume {
  std::string name;
  Position position;  // of the `name` key, or of the list item
  std::string path;   // e.g. spec.volumes[0]
  // The volume's sources (keys other than name), e.g. "hostPath". The API
  // allows one, but every one counts: none hides another from a check.
  std::vector<KeyValue> sources;  // key = source type, position = its key
  StringField host_path;          // hostPath.path
};

struct PodSpec {
  Position position;  // of the `spec` key holding the pod spec
  std::string path;   // e.g. spec.template.spec
  BoolField host_network;
  BoolField host_pid;
  BoolField host_ipc;
  BoolField host_users;
  BoolField automount_service_account_token;
  StringField service_account_name;
  StringField service_account;  // deprecated alias
  StringField os_name;          // spec.os.name
  Boxed<SecurityContext> security_context;
  std::vector<Container> containers;  // init, regular and ephemeral, in that order
  std::vector<Volume> volumes;
};

// Something about how an object is written, found while reading it: a key
// given twice, or a value of the wrong type that the API server would reject.
struct SourceIssue {
  enum class Kind { DuplicateKey, InvalidValue };
  Kind kind = Kind::InvalidValue;
  std::string key;
  std::string path;         // field path when known, else the key
  Position position;        // the (last) key concerned
  Position first_position;  // DuplicateKey: the earlier occurrence
  bool values_differ = false;
  std::string detail;  // InvalidValue: what was written and what was expected
};

// Identity of a Kubernetes object and where it was read from.
struct ObjectHeader {
  std::string api_version;
  std::string kind;
  ObjectMeta metadata;
  Position position;  // of the document or List item that holds the object
  size_t file_index = 0;
  std::vector<SourceIssue> source_issues;
};

// Anything that carries a pod template: Pod, PodTemplate, Deployment, ReplicaSet,
// StatefulSet, DaemonSet, Job, CronJob, ReplicationController.
struct Workload {
  ObjectHeader header;
  ObjectMeta pod_metadata;  // the template's metadata; the object's own for a Pod
  PodSpec pod;
};

struct HostPortRange {
  Position position;
  IntField min;
  IntField max;
};

struct AllowedHostPath {
  Position position;
  StringField path_prefix;
  BoolField read_only;
};

struct PodSecurityPolicy {
  ObjectHeader header;
  Position spec_position;
  BoolField privileged;
  BoolField host_network;
  BoolField host_pid;
  BoolField host_ipc;
  BoolField allow_privilege_escalation;
  Position host_ports_position;
  std::vector<HostPortRange> host_ports;
  Position allowed_capabilities_position;
  std::vector<StringField> allowed_capabilities;
  Position default_add_capabilities_position;
  std::vector<StringField> default_add_capabilities;
  Position required_drop_capabilities_position;
  std::vector<StringField> required_drop_capabilities;
  Position volumes_position;
  std::vector<StringField> volumes;
  StringField run_as_user_rule;
  Position run_as_user_position;
  StringField se_linux_rule;
  Position allowed_host_paths_position;
  std::vector<AllowedHostPath> allowed_host_paths;
  Position allowed_unsafe_sysctls_position;
  std::vector<StringField> allowed_unsafe_sysctls;
  std::vector<StringField> allowed_proc_mount_types;
};

struct ServiceAccount {
  ObjectHeader header;
  BoolField automount_service_account_token;
};

struct NetworkPolicyPort {
  Position position;
  std::string path;  // e.g. spec.ingress[0].ports[1]
  StringField protocol;
  // port is an int or a named port; exactly one of the two has a value
  IntField port_number;
  StringField port_name;
  IntField end_port;
};

struct LabelSelectorRequirement {
  std::string key;
  std::string op;
  std::vector<std::string> values;
};

struct LabelSelector {
  Position position;
  bool present = false;
  std::vector<KeyValue> match_labels;
  std::vector<LabelSelectorRequirement> match_expressions;
};

struct NetworkPolicyRule {
  Position position;
  std::string path;  // e.g. spec.ingress[0]
  std::vector<NetworkPolicyPort> ports;
  bool has_peers = false;  // from/to present and non-empty
};

struct NetworkPolicy {
  ObjectHeader header;
  LabelSelector pod_selector;
  std::vector<std::string> policy_types;
  bool has_ingress_field = false;
  bool has_egress_field = false;
  std::vector<NetworkPolicyRule> ingress;
  std::vector<NetworkPolicyRule> egress;
};

struct Namespace {
  ObjectHeader header;
};

struct PolicyRule {
  Position position;
  std::string path;  // e.g. rules[2]
  std::vector<StringField> api_groups;
  std::vector<StringField> resources;
  std::vector<StringField> verbs;
  std::vector<StringField> resource_names;
  std::vector<StringField> non_resource_urls;
};

// Role or ClusterRole (header.kind tells which).
struct Role {
  ObjectHeader header;
  std::vector<PolicyRule> rules;
};

struct Subject {
  Position position;
  std::string kind;
  std::string name;
  std::string namespace_name;
};

// RoleBinding or ClusterRoleBinding (header.kind tells which).
struct RoleBinding {
  ObjectHeader header;
  Position role_ref_position;
  std::string role_ref_kind;
  std::string role_ref_name;
  Position role_ref_name_position;  // of roleRef.name
  std::vector<Subject> subjects;
};

// Every object read from one or more files, by type.
struct Manifests {
  std::vector<Workload> workloads;
  std::vector<PodSecurityPolicy> pod_security_policies;
  std::vector<ServiceAccount> service_accounts;
  std::vector<NetworkPolicy> network_policies;
  std::vector<Namespace> namespaces;
  std::vector<Role> roles;
  std::vector<RoleBinding> role_bindings;
};

// Every object of `parts`, in order, moved into one Manifests; the parts are
// left empty and their memory freed.
Manifests merge_manifests(std::span<Manifests* const> parts);

// The same for the objects that rules look up across files: ServiceAccounts,
// NetworkPolicies, Namespaces, Roles and RoleBindings. Workloads and
// PodSecurityPolicies stay in their parts.
Manifests merge_cross_objects(std::span<Manifests* const> parts);

// Appends copies of the objects of `from` that rules look up across files
// to those of `into`: the copies are allocated by the calling thread.
void append_cross_object_copies(Manifests& into, const Manifests& from);

// Frees the spare room of the lists of objects rules look up across files,
// which a run grows one file at a time and then keeps to its end.
void shrink_cross_object_lists(Manifests& objects);

// Drops what nothing reads of the metadata of the objects rules look up
// across files (ServiceAccounts, NetworkPolicies, Namespaces, Roles,
// RoleBindings): labels, but a Namespace's (its Pod Security labels), and
// annotations, but kube-harden's own (suppressions). A run keeps these
// objects from its first pass to its end, and labels and annotations took
// most of their memory. Workloads and PodSecurityPolicies keep theirs.
void drop_unread_metadata(Manifests& objects);

}  // namespace kube_harden
