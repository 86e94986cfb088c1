#include <fmt/format.h>

#include "rules/rbac_grants.h"
#include "rules/rule_factories.h"
#include "rules/service_accounts.h"

namespace kube_harden {
namespace {

class RbacClusterAdminBinding : public Rule {
 public:
  std::string_view id() const override { return "rbac-cluster-admin-binding"; }

  void check_role_binding(const RoleBinding& binding, RuleContext& context) const override {
    if (!binds_cluster_admin(binding)) return;
    std::string scope = binding.header.kind == "RoleBinding"
                            ? fmt::format("every verb on every resource of namespace \"{}\"",
                                          namespace_of(binding.header, context.options()))
                            : std::string("every verb on every resource in every namespace");
    context.report(binding.role_ref_name_position, "roleRef.name",
                   fmt::format("{} gives {} cluster-admin: {}, secrets and RBAC included; bind a "
                               "role with only the permissions they need",
                               describe(binding.header),
                               describe_subjects(binding, context.options()), scope));
  }
};

}  // namespace

std::unique_ptr<Rule> make_rbac_cluster_admin_binding_rule() {
  return std::make_unique<RbacClusterAdminBinding>();
}

}  // namespace kube_harden
