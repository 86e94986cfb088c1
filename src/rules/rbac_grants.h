#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kube_harden/manifest_index.h"
#include "kube_harden/model.h"
#include "kube_harden/rule.h"

namespace kube_harden {

// One entry of a Role's or ClusterRole's rules that an rbac-* role rule flags.
struct RiskyGrant {
  const PolicyRule* rule = nullptr;
  const StringField* entry = nullptr;  // the list item a finding points at
  std::string_view list;               // the list holding it: verbs, resources or apiGroups
  std::string path;                    // e.g. rules[1].verbs[0]
  std::string summary;                 // what it grants, e.g. every verb ("*") on pods
};

// "*" in verbs, resources or apiGroups: one grant per "*" entry (rbac-wildcard).
std::vector<RiskyGrant> wildcard_grants(const Role& role);
// get, list, watch or "*" on "secrets" (named explicitly) in the core group,
// unless resourceNames restricts the rule to named secrets (rbac-secrets-access).
std::vector<RiskyGrant> secret_read_grants(const Role& role);
// create, get or "*" on pods/exec or pods/attach (rbac-pod-exec).
std::vector<RiskyGrant> pod_exec_grants(const Role& role);
// The escalate, bind and impersonate verbs (rbac-escalation-verbs).
std::vector<RiskyGrant> escalation_grants(const Role& role);
// Every grant of the four above, in that order.
std::vector<RiskyGrant> risky_grants(const Role& role);

// The core API group, where pods and secrets live ("" or "*").
bool covers_core_group(const PolicyRule& rule);
// "*" in the verbs, resources and apiGroups of one rule: everything, as cluster-admin.
bool grants_everything(const PolicyRule& rule);

// "ClusterRole \"ci-runner\"", "RoleBinding \"deployers\"".
std::string describe(const ObjectHeader& object);
// "ServiceAccount \"default\" in namespace \"ci\"", "Group \"system:authenticated\"".
std::string describe(const Subject& subject, const RoleBinding& binding,
                     const RuleOptions& options);
// Every subject of a binding, or "no subject".
std::string describe_subjects(const RoleBinding& binding, const RuleOptions& options);

// The namespace of a ServiceAccount subject: its own, else (in a RoleBinding)
// the binding's, as the API server defaults it.
std::string subject_namespace(const Subject& subject, const RoleBinding& binding,
                              const RuleOptions& options);

bool binds_cluster_admin(const RoleBinding& binding);

// The Role or ClusterRole a binding refers to, when it is in the input: the
// last one in the binding's file, else the last one.
const Role* find_bound_role(const RoleBinding& binding, const ManifestIndex& index);

}  // namespace kube_harden
