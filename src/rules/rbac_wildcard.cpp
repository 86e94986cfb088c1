#include <fmt/format.h>

#include "rules/rbac_grants.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

class RbacWildcard : public Rule {
 public:
  std::string_view id() const override { return "rbac-wildcard"; }

  void check_role(const Role& role, RuleContext& context) const override {
    for (const RiskyGrant& grant : wildcard_grants(role)) {
      std::string_view consequence = grants_everything(*grant.rule)
                                         ? "the same as cluster-admin"
                                         : covers(grant.list, *grant.rule);
      context.report(grant.entry->position, grant.path,
                     fmt::format("{} grants {} (\"*\" in {}), {}; list the {} it needs",
                                 describe(role.header), grant.summary, grant.list, consequence,
                                 grant.list == "apiGroups" ? "API groups" : grant.list));
    }
  }

 private:
  static std::string_view covers(std::string_view list, const PolicyRule& rule) {
    if (list == "verbs") {
      return rule.resources.empty() ? "post, put and delete included"
                                    : "delete and escalate-style verbs included";
    }
    if (list == "resources") {
      return covers_core_group(rule) ? "secrets, subresources and resources added later included"
                                     : "subresources and resources added later included";
    }
    return "groups that CRDs add later included";
  }
};

}  // namespace

std::unique_ptr<Rule> make_rbac_wildcard_rule() {
  return std::make_unique<RbacWildcard>();
}

}  // namespace kube_harden
