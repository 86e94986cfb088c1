#include <fmt/format.h>

#include "rules/rbac_grants.h"
#include "rules/rule_factories.h"
#include "rules/service_accounts.h"

namespace kube_harden {
namespace {

class RbacSecretsAccess : public Rule {
 public:
  std::string_view id() const override { return "rbac-secrets-access"; }

  void check_role(const Role& role, RuleContext& context) const override {
    std::string scope =
        role.header.kind == "Role"
            ? fmt::format(" of namespace \"{}\"", namespace_of(role.header, context.options()))
            : std::string(", cluster-wide when a ClusterRoleBinding binds it");
    for (const RiskyGrant& grant : secret_read_grants(role)) {
      context.report(grant.entry->position, grant.path,
                     fmt::format("{} grants {}{}: whoever it is bound to can read every "
                                 "password, key and ServiceAccount token stored there; name the "
                                 "secrets it needs in resourceNames",
                                 describe(role.header), grant.summary, scope));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rbac_secrets_access_rule() {
  return std::make_unique<RbacSecretsAccess>();
}

}  // namespace kube_harden
