#include "rules/proc_mount.h"

#include <fmt/format.h>

#include "rules/pod_helpers.h"

namespace kube_harden {

void report_unmasked_proc_mounts(const PodSpec& pod, RuleContext& context,
                                 std::string_view advice) {
  for (const Container& container : pod.containers) {
    const auto& security = container.security_context;
    if (!security || !security->proc_mount.present() || security->proc_mount.is("Default")) {
      continue;
    }
    if (!security->proc_mount.value && !security->proc_mount.invalid) continue;  // null
    context.report(
        container, security->proc_mount.position, ".securityContext.procMount",
        fmt::format("{} sets procMount: \"{}\", which unmasks the host's /proc paths; {}",
                    describe(container), security->proc_mount.value.value_or("?"), advice));
  }
}

}  // namespace kube_harden
