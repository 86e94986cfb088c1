#include <fmt/format.h>

#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

class DeprecatedServiceAccountField : public Rule {
 public:
  std::string_view id() const override { return "deprecated-service-account-field"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    const PodSpec& pod = workload.pod;
    const StringField& alias = pod.service_account;
    if (!alias.present()) return;
    std::string path = pod.path + ".serviceAccount";
    std::string alias_value = alias.value.value_or("");
    std::string name = pod.service_account_name.value.value_or("");
    if (!name.empty() && name != alias_value) {
      context.report(alias.position, path,
                     fmt::format("serviceAccount \"{}\" disagrees with serviceAccountName \"{}\"; "
                                 "Kubernetes uses serviceAccountName. Remove the deprecated "
                                 "serviceAccount field",
                                 alias_value, name));
      return;
    }
    context.report(alias.position, path,
                   "serviceAccount is a deprecated alias; use serviceAccountName instead");
  }
};

}  // namespace

std::unique_ptr<Rule> make_deprecated_service_account_field_rule() {
  return std::make_unique<DeprecatedServiceAccountField>();
}

}  // namespace kube_harden
