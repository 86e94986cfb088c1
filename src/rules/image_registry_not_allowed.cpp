#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "rules/image_reference.h"
#include "rules/pod_helpers.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// Checks images against the config file's parameters.allowedRegistries; with
// no list there is no policy to check against, so the rule stays silent.
class ImageRegistryNotAllowed : public Rule {
 public:
  std::string_view id() const override { return "image-registry-not-allowed"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    const std::vector<std::string>& allowed = context.options().parameters.allowed_registries;
    if (allowed.empty()) return;
    for (const Container& container : workload.pod.containers) {
      const StringField& image = container.image;
      if (!image.value || image.value->empty()) continue;
      std::string name = parse_image_reference(*image.value).name();
      if (std::any_of(allowed.begin(), allowed.end(),
                      [&](const std::string& entry) { return image_name_within(name, entry); })) {
        continue;
      }
      context.report(
          container, image.position, ".image",
          fmt::format("{} pulls {} (read as {}) from a registry outside "
                      "parameters.allowedRegistries ({}), which nobody vetted; use an "
                      "image from an allowed registry, or add the registry to the list",
                      describe(container), *image.value, name, fmt::join(allowed, ", ")));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_image_registry_not_allowed_rule() {
  return std::make_unique<ImageRegistryNotAllowed>();
}

}  // namespace kube_harden
