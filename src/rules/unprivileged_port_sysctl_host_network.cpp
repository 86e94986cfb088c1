#include <fmt/format.h>

#include "rules/rule_factories.h"
#include "rules/unprivileged_port_sysctl.h"

namespace kube_harden {
namespace {

class UnprivilegedPortSysctlHostNetwork : public Rule {
 public:
  std::string_view id() const override { return "unprivileged-port-sysctl-host-network"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    const PodSpec& pod = workload.pod;
    if (!pod.host_network.is(true)) return;
    const Sysctl* sysctl = unprivileged_port_sysctl(pod);
    if (!sysctl) return;
    context.report(sysctl->name.position, sysctl->path + ".name",
                   fmt::format("{} is set on a pod with hostNetwork: true; the kubelet rejects "
                               "net.* sysctls there, and if applied it would change the node's "
                               "privileged port range. Drop hostNetwork or the sysctl",
                               kUnprivilegedPortSysctl));
  }
};

}  // namespace

std::unique_ptr<Rule> make_unprivileged_port_sysctl_host_network_rule() {
  return std::make_unique<UnprivilegedPortSysctlHostNetwork>();
}

}  // namespace kube_harden
