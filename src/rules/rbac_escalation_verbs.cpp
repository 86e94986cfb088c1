#include <fmt/format.h>

#include "rules/rbac_grants.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

class RbacEscalationVerbs : public Rule {
 public:
  std::string_view id() const override { return "rbac-escalation-verbs"; }

  void check_role(const Role& role, RuleContext& context) const override {
    for (const RiskyGrant& grant : escalation_grants(role)) {
      const std::string& verb = *grant.entry->value;
      context.report(grant.entry->position, grant.path,
                     fmt::format("{} grants {}, which {}; remove it, or limit the rule with "
                                 "resourceNames to the {} it needs",
                                 describe(role.header), grant.summary, effect(verb),
                                 verb == "impersonate" ? "identities" : "roles"));
    }
  }

 private:
  static std::string_view effect(std::string_view verb) {
    if (verb == "escalate") return "lets it write roles with permissions it does not hold";
    if (verb == "bind") return "lets it bind roles with permissions it does not hold";
    return "lets it act as other users, groups or ServiceAccounts with their permissions";
  }
};

}  // namespace

std::unique_ptr<Rule> make_rbac_escalation_verbs_rule() {
  return std::make_unique<RbacEscalationVerbs>();
}

}  // namespace kube_harden
