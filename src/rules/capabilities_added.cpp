#include <fmt/format.h>

#include "rules/pod_helpers.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// Why the two capabilities attackers want most deserve their own words.
std::string_view special_warning(std::string_view capability) {
  if (capability == "SYS_ADMIN")
    return " (SYS_ADMIN is close to full root: mounts, namespaces, BPF)";
  if (capability == "NET_RAW") return " (NET_RAW allows packet spoofing and ARP/DNS poisoning)";
  return "";
}

class CapabilitiesAdded : public Rule {
 public:
  std::string_view id() const override { return "capabilities-added"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    for_each_added_capability(workload.pod, [&](const Container& container, size_t index,
                                                const StringField& capability) {
      std::string name = capability.value.value_or("");
      if (is_baseline_capability(name) ||
          is_allowed_extra_capability(context.options().parameters, name)) {
        return;
      }
      context.report(container, capability.position,
                     fmt::format(".securityContext.capabilities.add[{}]", index),
                     fmt::format("{} adds capability {}{}, which is not in the baseline set: {}",
                                 describe(container), name, special_warning(name),
                                 baseline_capability_list()));
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_capabilities_added_rule() {
  return std::make_unique<CapabilitiesAdded>();
}

}  // namespace kube_harden
