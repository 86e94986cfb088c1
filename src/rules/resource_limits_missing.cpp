#include <fmt/format.h>

#include "rules/pod_helpers.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// Only the memory limit is required. Memory cannot be taken back from a
// process, so one container without a limit can push the node into OOM kills
// and evictions of its neighbours. CPU is shared by weight (requests) and an
// unlimited container is throttled, not fatal; CPU limits add throttling
// latency, which is why many teams leave them out on purpose.
class ResourceLimitsMissing : public Rule {
 public:
  std::string_view id() const override { return "resource-limits-missing"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    for (const Container& container : workload.pod.containers) {
      // The API forbids resources on ephemeral containers: nothing to fix there.
      if (container.kind == ContainerKind::Ephemeral) continue;
      const KeyValue* memory = find_last(container.limits, "memory");
      if (memory && !memory->value.empty()) continue;
      Position position = memory                                 ? memory->position
                          : container.resources_position.known() ? container.resources_position
                                                                 : container.position;
      context.report(container, position, ".resources.limits.memory",
                     fmt::format("{} has no memory limit, so it can use all of the node's memory "
                                 "and get other pods OOM-killed or evicted; set "
                                 "resources.limits.memory",
                                 describe(container)));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_resource_limits_missing_rule() {
  return std::make_unique<ResourceLimitsMissing>();
}

}  // namespace kube_harden
