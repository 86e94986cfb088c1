#include <fmt/format.h>

#include "rules/rbac_grants.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

class RbacPodExec : public Rule {
 public:
  std::string_view id() const override { return "rbac-pod-exec"; }

  void check_role(const Role& role, RuleContext& context) const override {
    for (const RiskyGrant& grant : pod_exec_grants(role)) {
      context.report(grant.entry->position, grant.path,
                     fmt::format("{} grants {}: whoever it is bound to can run commands in the "
                                 "pods it covers, with their ServiceAccount tokens, secrets and "
                                 "network access; remove it, or keep it in a break-glass role "
                                 "bound only while it is needed",
                                 describe(role.header), grant.summary));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rbac_pod_exec_rule() {
  return std::make_unique<RbacPodExec>();
}

}  // namespace kube_harden
