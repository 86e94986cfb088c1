#include <fmt/format.h>

#include "rules/pod_helpers.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// Environment variables leak more easily than files: child processes inherit
// them, crash dumps and debug endpoints print them.
class SecretEnvReference : public Rule {
 public:
  std::string_view id() const override { return "secret-env-reference"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    for (const Container& container : workload.pod.containers) {
      for (const EnvVar& variable : container.env) {
        if (!variable.secret_key_ref_position.known()) continue;
        context.report(variable.secret_key_ref_position, env_path(container, variable) + ".valueFrom.secretKeyRef",
                       fmt::format("{} reads Secret data into environment variable {}; prefer "
                                   "mounting the Secret as a read-only file",
                                   describe(container), variable.name.value.value_or("")),
                       container.name);
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_secret_env_reference_rule() {
  return std::make_unique<SecretEnvReference>();
}

}  // namespace kube_harden
