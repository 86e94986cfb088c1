#include <fmt/format.h>

#include "rules/pod_helpers.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

class PrivilegedContainer : public Rule {
 public:
  std::string_view id() const override { return "privileged-container"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    for (const Container& container : workload.pod.containers) {
      const auto& security = container.security_context;
      if (!security || !security->privileged.is(true)) continue;
      context.report(container, security->privileged.position, ".securityContext.privileged",
                     fmt::format("{} runs privileged, with every capability and the host's "
                                 "devices; set privileged: false (or leave it unset)",
                                 describe(container)));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_privileged_container_rule() {
  return std::make_unique<PrivilegedContainer>();
}

}  // namespace kube_harden
