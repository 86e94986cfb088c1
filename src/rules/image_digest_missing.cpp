#include <fmt/format.h>

#include "rules/image_reference.h"
#include "rules/pod_helpers.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// Stricter than image-tag-mutable: a version tag can still be pushed again,
// only a digest names exactly one image.
class ImageDigestMissing : public Rule {
 public:
  std::string_view id() const override { return "image-digest-missing"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    for (const Container& container : workload.pod.containers) {
      const StringField& image = container.image;
      if (!image.value || image.value->empty()) continue;
      std::string digest = parse_image_reference(*image.value).digest;
      size_t colon = digest.find(':');
      if (colon != std::string::npos && colon > 0 && colon + 1 < digest.size()) continue;
      context.report(container, image.position, ".image",
                     fmt::format("{} uses image {} without a digest, so the registry decides "
                                 "what runs and a re-pushed tag changes it; pin it as "
                                 "image@sha256:<digest>",
                                 describe(container), *image.value));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_image_digest_missing_rule() {
  return std::make_unique<ImageDigestMissing>();
}

}  // namespace kube_harden
