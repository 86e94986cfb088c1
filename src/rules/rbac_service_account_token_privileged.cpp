#include <fmt/format.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
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
    // Most accounts have no binding: no need to remember that for each.
    if (!index.service_account_has_bindings(namespace_name, mount.account_name)) return;
    const AccountGrants& account = context.memo().get<AccountGrants>(
        key_of({id(), namespace_name, mount.account_name}),
        [&] { return grants_of(namespace_name, mount.account_name, context); });
    if (account.grants.empty()) return;

    // Copies of one binding (same kind, namespace and name) in several files
    // are alternative versions of one object, such as a project's install
    // variants; a cluster holds only one. When the pod's file has its own
    // copy, that is the one deployed with it, and the others say nothing
    // about this pod.
    size_t pod_file = workload.header.file_index;
    std::unordered_set<size_t> superseded;
    for (const RoleBinding* own : index.bindings_in_file(pod_file)) {
      auto copies = account.by_identity.find(identity(*own, options));
      if (copies == account.by_identity.end()) continue;
      for (size_t i : copies->second) {
        if (account.grants[i].binding->header.file_index != pod_file) superseded.insert(i);
      }
    }
    size_t count = account.grants.size() - superseded.size();
    if (count == 0) return;
    // Of the rest, name the one beside the pod, else the first.
    size_t named = 0;
    if (auto local = account.first_in_file.find(pod_file); local != account.first_in_file.end()) {
      named = local->second;
    } else {
      while (superseded.contains(named)) ++named;
    }
    std::string more =
        count > 1 ? fmt::format(" (and {} more bindings)", count - 1) : "";
    context.report(
        workload.pod.position, workload.pod.path,
        fmt::format("the pod runs as ServiceAccount \"{}\" with its API token mounted, and {}{}: "
                    "whoever takes over a container gets these permissions; set "
                    "automountServiceAccountToken: false unless the pod calls the API, and "
                    "reduce the role to what it needs",
                    mount.account_name, account.grants[named].text, more));
  }

 private:
  // The bindings of one ServiceAccount that grant what the rbac-* rules
  // flag, worked out once per run for all the pods that run as it.
  struct AccountGrants {
    struct Grant {
      const RoleBinding* binding;
      std::string text;  // "RoleBinding \"x\" (file:line) binds it to ..."
    };
    std::vector<Grant> grants;  // input order
    std::unordered_map<std::string, std::vector<size_t>> by_identity;
    std::unordered_map<size_t, size_t> first_in_file;  // file index -> grant
  };

  static AccountGrants grants_of(const std::string& namespace_name, const std::string& account_name,
                                 RuleContext& context) {
    AccountGrants account;
    for (const RoleBinding* binding :
         context.index().bindings_of_service_account(namespace_name, account_name)) {
      std::string role = privileged_role(*binding, context);
      if (role.empty()) continue;
      size_t i = account.grants.size();
      account.grants.push_back({binding, fmt::format("{} ({}) binds it to {}",
                                                     describe(binding->header),
                                                     location(binding->header, context), role)});
      account.by_identity[identity(*binding, context.options())].push_back(i);
      account.first_in_file.emplace(binding->header.file_index, i);
    }
    return account;
  }

  // What makes two bindings copies of one object.
  static std::string identity(const RoleBinding& binding, const RuleOptions& options) {
    return key_of({binding.header.kind, namespace_of(binding.header, options),
                   binding.header.metadata.name});
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
