#include <fmt/format.h>

#include "rules/rbac_grants.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

class RbacAnonymousBinding : public Rule {
 public:
  std::string_view id() const override { return "rbac-anonymous-binding"; }

  void check_role_binding(const RoleBinding& binding, RuleContext& context) const override {
    for (size_t i = 0; i < binding.subjects.size(); ++i) {
      const Subject& subject = binding.subjects[i];
      std::string_view who = audience(subject);
      if (who.empty()) continue;
      context.report(subject.position, fmt::format("subjects[{}]", i),
                     fmt::format("{} grants {} \"{}\" to {} \"{}\": {} gets it; bind the users, "
                                 "groups or ServiceAccounts that need it by name",
                                 describe(binding.header), binding.role_ref_kind,
                                 binding.role_ref_name, subject.kind, subject.name, who));
    }
  }

 private:
  // Who a subject stands for, when it is everyone or every anonymous caller.
  static std::string_view audience(const Subject& subject) {
    if (subject.kind == "Group") {
      if (subject.name == "system:authenticated") {
        return "every user and every ServiceAccount token of the cluster";
      }
      if (subject.name == "system:unauthenticated" || subject.name == "system:anonymous") {
        return "every request that reaches the API server without credentials";
      }
    } else if (subject.kind == "User" && subject.name == "system:anonymous") {
      return "every request that reaches the API server without credentials";
    }
    return {};
  }
};

}  // namespace

std::unique_ptr<Rule> make_rbac_anonymous_binding_rule() {
  return std::make_unique<RbacAnonymousBinding>();
}

}  // namespace kube_harden
