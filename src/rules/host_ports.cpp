#include <fmt/format.h>

#include "rules/pod_helpers.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

class HostPorts : public Rule {
 public:
  std::string_view id() const override { return "host-ports"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    for (const Container& container : workload.pod.containers) {
      for (size_t i = 0; i < container.ports.size(); ++i) {
        const IntField& host_port = container.ports[i].host_port;
        if (!host_port.value || *host_port.value == 0) continue;
        context.report(container, host_port.position, fmt::format(".ports[{}].hostPort", i),
                       fmt::format("{} binds host port {} on the node; remove hostPort (or set "
                                   "it to 0) and expose the port through a Service",
                                   describe(container), *host_port.value));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_host_ports_rule() {
  return std::make_unique<HostPorts>();
}

}  // namespace kube_harden
