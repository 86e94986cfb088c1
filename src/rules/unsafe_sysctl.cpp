#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <vector>

#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// PSA's allowed sysctls and the policy version that added each
// (policy/check_sysctls.go).
struct AllowedSysctl {
  std::string_view name;
  int since_minor;
};

constexpr AllowedSysctl kAllowedSysctls[] = {
    {"kernel.shm_rmid_forced", 0},
    {"net.ipv4.ip_local_port_range", 0},
    {"net.ipv4.tcp_syncookies", 0},
    {"net.ipv4.ping_group_range", 0},
    {"net.ipv4.ip_unprivileged_port_start", 0},
    {"net.ipv4.ip_local_reserved_ports", 27},
    {"net.ipv4.tcp_keepalive_time", 29},
    {"net.ipv4.tcp_fin_timeout", 29},
    {"net.ipv4.tcp_keepalive_intvl", 29},
    {"net.ipv4.tcp_keepalive_probes", 29},
    {"net.ipv4.tcp_rmem", 32},
    {"net.ipv4.tcp_wmem", 32},
    {"net.ipv4.tcp_slow_start_after_idle", 37},
    {"net.ipv4.tcp_notsent_lowat", 37},
};

std::vector<std::string_view> allowed_at(const K8sVersion& version) {
  std::vector<std::string_view> names;
  for (const AllowedSysctl& sysctl : kAllowedSysctls) {
    if (version.at_least(sysctl.since_minor)) names.push_back(sysctl.name);
  }
  return names;
}

class UnsafeSysctl : public Rule {
 public:
  std::string_view id() const override { return "unsafe-sysctl"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    const PodSpec& pod = workload.pod;
    if (!pod.security_context) return;
    const K8sVersion& version = context.options().k8s_version;
    std::vector<std::string_view> allowed = allowed_at(version);
    for (const Sysctl& sysctl : pod.security_context->sysctls) {
      std::string name = sysctl.name.value.value_or("");
      if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
      context.report(sysctl.name.present() ? sysctl.name.position : sysctl.position,
                     sysctl.path + ".name",
                     fmt::format("sysctl \"{}\" is not in the safe set of policy {}: {}", name,
                                 version.to_string(), fmt::join(allowed, ", ")));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_unsafe_sysctl_rule() {
  return std::make_unique<UnsafeSysctl>();
}

}  // namespace kube_harden
