#include <fmt/format.h>

#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

class PspHostNamespaces : public Rule {
 public:
  std::string_view id() const override { return "psp-host-namespaces"; }

  void check_pod_security_policy(const PodSecurityPolicy& psp,
                                 RuleContext& context) const override {
    const std::pair<const BoolField*, std::string_view> fields[] = {
        {&psp.host_network, "hostNetwork"}, {&psp.host_pid, "hostPID"}, {&psp.host_ipc, "hostIPC"}};
    for (const auto& [field, key] : fields) {
      if (!field->is(true)) continue;
      context.report(
          field->position, fmt::format("spec.{}", key),
          fmt::format("the PodSecurityPolicy admits pods with {}: true; set {}: false", key, key));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_psp_host_namespaces_rule() {
  return std::make_unique<PspHostNamespaces>();
}

}  // namespace kube_harden
