#include "rules/unprivileged_port_sysctl.h"

namespace kube_harden {

const Sysctl* unprivileged_port_sysctl(const PodSpec& pod) {
  if (!pod.security_context) return nullptr;
  const Sysctl* found = nullptr;
  for (const Sysctl& sysctl : pod.security_context->sysctls) {
    if (sysctl.name.is(std::string(kUnprivilegedPortSysctl))) found = &sysctl;
  }
  return found;
}

}  // namespace kube_harden
