#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "kube_harden/lint.h"
#include "kube_harden/manifest_index.h"
#include "kube_harden/model.h"

namespace kube_harden {

// `kube-harden advise`: the strictest policy the input workloads satisfy, per
// namespace, as Pod Security Admission labels and optionally as a
// least-privilege PodSecurityPolicy.

// The three Pod Security Standards levels, loosest first.
enum class AdvisedLevel { Privileged, Baseline, Restricted };

std::string_view to_string(AdvisedLevel level);

// A PSS finding that keeps a namespace from the next stricter level.
struct Blocker {
  ObjectRef object;
  std::string file;
  Position position;  // of the blocking field
  std::string path;   // field path
  std::string container;
  std::string rule_id;
  std::string check;  // the Pod Security Admission check id
  std::string message;
};

struct NamespaceAdvice {
  std::string name;
  AdvisedLevel level = AdvisedLevel::Restricted;
  // pod-security.kubernetes.io/* labels, keys sorted.
  std::map<std::string, std::string> labels;
  // What blocks the next stricter level; empty when the level is restricted.
  std::vector<Blocker> blockers;
  size_t workloads = 0;
};

struct IdRange {
  int64_t min = 0;
  int64_t max = 0;
  friend bool operator==(const IdRange&, const IdRange&) = default;
};

// A PSP strategy for user or group ids: rule MustRunAs, MayRunAs,
// MustRunAsNonRoot or RunAsAny, with ranges for the first two.
struct IdStrategy {
  std::string rule = "RunAsAny";
  std::vector<IdRange> ranges;
};

struct HostPathAllowance {
  std::string path_prefix;
  bool read_only = true;
};

struct SeLinuxValues {
  std::string user;
  std::string role;
  std::string type;
  std::string level;
  friend auto operator<=>(const SeLinuxValues&, const SeLinuxValues&) = default;
};

// A policy/v1beta1 PodSecurityPolicy with every field kube-harden generates
// (the lint model reads only the fields its rules need).
struct PspSpec {
  std::string name;
  std::map<std::string, std::string> annotations;  // seccomp and AppArmor profile lists
  bool privileged = false;
  bool host_network = false;
  bool host_pid = false;
  bool host_ipc = false;
  std::vector<IdRange> host_ports;
  std::vector<std::string> allowed_capabilities;
  std::vector<std::string> required_drop_capabilities;
  std::vector<std::string> volumes;  // PSP FSType names
  std::vector<HostPathAllowance> allowed_host_paths;
  bool allow_privilege_escalation = true;
  bool read_only_root_filesystem = false;
  IdStrategy run_as_user;
  std::optional<IdStrategy> run_as_group;  // nullopt: field omitted, any group
  IdStrategy supplemental_groups;
  IdStrategy fs_group;
  std::optional<SeLinuxValues> se_linux;  // nullopt: RunAsAny
  std::vector<std::string> allowed_unsafe_sysctls;
  std::vector<std::string> allowed_proc_mount_types;
};

// A ServiceAccount whose pods need to `use` a PSP.
struct AccountRef {
  std::string namespace_name;
  std::string name;
  friend auto operator<=>(const AccountRef&, const AccountRef&) = default;
};

// A PSP and who may use it: with one PSP per namespace, a Role and a
// RoleBinding in that namespace; with one for all, a ClusterRole and a
// RoleBinding per namespace.
struct PspAdvice {
  std::string scope;  // a namespace name, or empty for one PSP for all
  PspSpec psp;
  std::vector<AccountRef> accounts;     // sorted
  std::vector<std::string> namespaces;  // where RoleBindings go, sorted
};

// One use of a host or root privilege by a workload, for --report.
struct UsageEntry {
  std::string category;  // hostPID, hostPath, privileged, rootUser, ...
  ObjectRef object;
  std::string file;
  Position position;
  std::string container;          // empty for pod-level uses
  std::string detail;             // e.g. "/var/log (read-only)", "NET_ADMIN"
  std::optional<bool> read_only;  // hostPath only
};

struct AdviseOptions {
  LintOptions lint;  // rules.k8s_version and rules.default_namespace are used
  bool psp = false;
  bool psp_per_namespace = true;  // false: one PSP for every namespace
  bool report = false;
};

struct Advice {
  K8sVersion version;
  std::vector<NamespaceAdvice> namespaces;       // sorted by name
  std::optional<std::vector<PspAdvice>> psps;    // with --psp
  std::optional<std::vector<UsageEntry>> usage;  // with --report; by category, then input order
  std::vector<InputError> errors;
};

Advice advise(const std::vector<LintInput>& inputs, const AdviseOptions& options);

// The least-privilege PSP admitting every workload in `workloads`, named
// `name`. `index` covers the whole input (ServiceAccounts decide token mounts);
// it is built once and shared by every PSP of a run.
PspSpec generate_psp(const std::vector<const Workload*>& workloads, const ManifestIndex& index,
                     const RuleOptions& options, std::string name);

// Why PodSecurityPolicy admission would refuse the workload as written, or
// nothing when it admits it. A field the PSP would have to fill in or change
// (a default it mutates) counts as a refusal: the advice must admit
// workloads unchanged. `token_mounted`: the ServiceAccount admission plugin
// adds a projected token volume before PSP admission sees the pod.
std::vector<std::string> psp_refusals(const Workload& workload, const PspSpec& psp,
                                      bool token_mounted);

// Every use of hostPID, hostIPC, hostNetwork, hostPath, privileged, added
// capabilities, root users, privilege escalation and writable root filesystems.
std::vector<UsageEntry> collect_usage(const Manifests& manifests,
                                      const std::vector<std::string>& file_names);
// The categories of UsageEntry, in report order.
const std::vector<std::string>& usage_categories();

void write_advice_text(std::ostream& out, const Advice& advice);
void write_advice_json(std::ostream& out, const Advice& advice);
// Kubernetes objects only: Namespaces, then each PSP with its Role(s) and RoleBinding(s).
void write_advice_yaml(std::ostream& out, const Advice& advice);

}  // namespace kube_harden
