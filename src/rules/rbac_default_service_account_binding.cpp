#include <fmt/format.h>

#include "rules/rbac_grants.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

class RbacDefaultServiceAccountBinding : public Rule {
 public:
  std::string_view id() const override { return "rbac-default-service-account-binding"; }

  void check_role_binding(const RoleBinding& binding, RuleContext& context) const override {
    for (size_t i = 0; i < binding.subjects.size(); ++i) {
      const Subject& subject = binding.subjects[i];
      if (subject.kind != "ServiceAccount" || subject.name != "default") continue;
      context.report(
          subject.position, fmt::format("subjects[{}]", i),
          fmt::format("{} grants {} \"{}\" to the default ServiceAccount of namespace \"{}\", "
                      "which every pod there that names no other account runs as; create a "
                      "ServiceAccount for the pods that need these permissions and bind that",
                      describe(binding.header), binding.role_ref_kind, binding.role_ref_name,
                      subject_namespace(subject, binding, context.options())));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rbac_default_service_account_binding_rule() {
  return std::make_unique<RbacDefaultServiceAccountBinding>();
}

}  // namespace kube_harden
