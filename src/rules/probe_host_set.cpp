#include <fmt/format.h>

#include "rules/pod_helpers.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// From policy v1.34 probes and lifecycle hooks may not name a host: the
// kubelet would send the request from the node to any address given.
class ProbeHostSet : public Rule {
 public:
  std::string_view id() const override { return "probe-host-set"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    if (!context.options().k8s_version.at_least(34)) return;
    for (const Container& container : workload.pod.containers) {
      for (const HandlerHost& handler : container.handler_hosts) {
        std::string host = handler.host.value.value_or("");
        if (host.empty()) continue;
        context.report(handler.host.position, handler.path,
                       fmt::format("{} sends a probe or lifecycle request to host \"{}\" from the "
                                   "node; remove the host field so it targets the pod",
                                   describe(container), host),
                       container.name);
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_probe_host_set_rule() {
  return std::make_unique<ProbeHostSet>();
}

}  // namespace kube_harden
