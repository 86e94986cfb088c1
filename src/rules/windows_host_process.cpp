#include <fmt/format.h>

#include "rules/pod_helpers.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

const BoolField* host_process(const Boxed<SecurityContext>& security) {
  if (!security || !security->windows_options) return nullptr;
  const BoolField& field = security->windows_options->host_process;
  return field.is(true) ? &field : nullptr;
}

class WindowsHostProcess : public Rule {
 public:
  std::string_view id() const override { return "windows-host-process"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    const PodSpec& pod = workload.pod;
    constexpr std::string_view kAdvice =
        "runs as a Windows HostProcess with full access to the node; remove "
        "windowsOptions.hostProcess";
    if (const BoolField* field = host_process(pod.security_context)) {
      context.report(field->position, pod.path + ".securityContext.windowsOptions.hostProcess",
                     fmt::format("the pod {}", kAdvice));
    }
    for (const Container& container : pod.containers) {
      if (const BoolField* field = host_process(container.security_context)) {
        context.report(container, field->position, ".securityContext.windowsOptions.hostProcess",
                       fmt::format("{} {}", describe(container), kAdvice));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_windows_host_process_rule() {
  return std::make_unique<WindowsHostProcess>();
}

}  // namespace kube_harden
