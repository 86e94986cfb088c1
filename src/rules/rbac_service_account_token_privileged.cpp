#include <fmt/format.h>

#include <string>
#include <vector>

#include "rules/rbac_grants.h"
#include "rules/rule_factories.h"
#include "rules/service_accounts.h"

namespace kube_harden {
namespace {

// A pod whose mounted token carries what the rbac-* rules flag: the pod-side
// view of a powerful binding, since taking over any container yields the token.
class ServiceAccountTokenPrivileged : public Rule {
 public:
  std::string_view id() const override { return "service-account-token-privileged"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    const ManifestIndex& index = context.index();
    const RuleOptions& options = context.options();
    TokenMount mount = resolve_token_mount(workload, index, options);
    if (!mount.mounted) return;
    std::string namespace_name = namespace_of(workload.header, options);
    std::vector<std::string> grants;
    std::string local_grant;
    for (const RoleBinding* bound :
         index.bindings_of_service_account(namespace_name, mount.account_name)) {
      const RoleBinding& binding = *bound;
      if (superseded_beside(workload, binding, index, options)) continue;
      std::string role = privileged_role(binding, context);
      if (role.empty()) continue;
      grants.push_back(fmt::format("{} ({}) binds it to {}", describe(binding.header),
                                   location(binding.header, context), role));
      // Of copies in several files, name the one beside the pod.
      if (local_grant.empty() && binding.header.file_index == workload.header.file_index) {
        local_grant = grants.back();
      }
    }
    if (grants.empty()) return;
    if (!local_grant.empty()) grants.front() = local_grant;
    std::string more =
        grants.size() > 1 ? fmt::format(" (and {} more bindings)", grants.size() - 1) : "";
    context.report(
        workload.pod.position, workload.pod.path,
        fmt::format("the pod runs as ServiceAccount \"{}\" with its API token mounted, and {}{}: "
                    "whoever takes over a container gets these permissions; set "
                    "automountServiceAccountToken: false unless the pod calls the API, and "
                    "reduce the role to what it needs",
                    mount.account_name, grants.front(), more));
  }

 private:
  // Copies of one binding (same kind, namespace and name) in several files are
  // alternative versions of one object, such as a project's install variants;
  // a cluster holds only one. When the pod's file has its own copy, that is
  // the one deployed with it, and the others say nothing about this pod.
  static bool superseded_beside(const Workload& workload, const RoleBinding& binding,
                                const ManifestIndex& index, const RuleOptions& options) {
    size_t pod_file = workload.header.file_index;
    if (binding.header.file_index == pod_file) return false;
    return index.file_has_binding(pod_file, binding.header.kind,
                                  namespace_of(binding.header, options),
                                  binding.header.metadata.name);
  }

  static std::string location(const ObjectHeader& object, RuleContext& context) {
    return fmt::format("{}:{}", context.file_name(object.file_index), object.position.line);
  }

  // The bound role with what makes it dangerous, or empty when it is not
  // cluster-admin and not in the input with a grant an rbac-* rule flags.
  static std::string privileged_role(const RoleBinding& binding, RuleContext& context) {
    if (binds_cluster_admin(binding)) return "ClusterRole \"cluster-admin\"";
    const Role* role = find_bound_role(binding, context.index());
    if (!role) return {};
    std::vector<RiskyGrant> grants = risky_grants(*role);
    if (grants.empty()) return {};
    return fmt::format("{} ({}), which grants {}", describe(role->header),
                       location(role->header, context), grants.front().summary);
  }
};

}  // namespace

std::unique_ptr<Rule> make_service_account_token_privileged_rule() {
  return std::make_unique<ServiceAccountTokenPrivileged>();
}

}  // namespace kube_harden
