#include <fmt/format.h>

#include <charconv>

#include "rules/pod_helpers.h"
#include "rules/rule_factories.h"
#include "rules/unprivileged_port_sysctl.h"

namespace kube_harden {
namespace {

std::optional<int64_t> sysctl_number(const Sysctl& sysctl) {
  const std::string& text = sysctl.value.value.value_or("");
  int64_t number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return number;
}

bool runs_as_non_root(const PodSpec& pod, const Container& container) {
  if (effective_run_as_non_root(pod, container).value_or(false)) return true;
  std::optional<int64_t> user = effective_run_as_user(pod, container);
  return user && *user > 0;
}

// A non-root process cannot bind below 1024 unless the pod lowers
// net.ipv4.ip_unprivileged_port_start, a sysctl that is safe (needs no kubelet
// allow-list) since Kubernetes 1.22. Adding NET_BIND_SERVICE does not help:
// Kubernetes sets no ambient capabilities, so a non-root process never gets it.
class PrivilegedPortWithoutSysctl : public Rule {
 public:
  std::string_view id() const override { return "privileged-port-without-sysctl"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    const PodSpec& pod = workload.pod;
    const Sysctl* sysctl = unprivileged_port_sysctl(pod);
    std::optional<int64_t> first_unprivileged =
        sysctl ? sysctl_number(*sysctl) : std::optional<int64_t>(1024);
    bool sysctl_usable = context.options().k8s_version.at_least(22) && !pod.host_network.is(true);
    for (const Container& container : pod.containers) {
      if (!runs_as_non_root(pod, container)) continue;
      for (size_t i = 0; i < container.ports.size(); ++i) {
        const IntField& port = container.ports[i].container_port;
        if (!port.value || *port.value <= 0 || *port.value >= 1024) continue;
        if (first_unprivileged && *port.value >= *first_unprivileged) continue;
        std::string advice =
            sysctl_usable ? fmt::format(
                                "set the pod sysctl {}: \"{}\" (safe since Kubernetes 1.22) or "
                                "listen on a port of 1024 or above behind a Service",
                                kUnprivilegedPortSysctl, *port.value)
                          : std::string("listen on a port of 1024 or above behind a Service");
        context.report(container, port.position, fmt::format(".ports[{}].containerPort", i),
                       fmt::format("{} runs as non-root but declares port {}, below 1024, which "
                                   "it cannot bind without privilege; {}",
                                   describe(container), *port.value, advice));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_privileged_port_without_sysctl_rule() {
  return std::make_unique<PrivilegedPortWithoutSysctl>();
}

}  // namespace kube_harden
