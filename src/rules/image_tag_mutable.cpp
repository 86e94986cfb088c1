#include <fmt/format.h>

#include "rules/pod_helpers.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// The tag of an image reference, or empty: the tag follows the last ':' after
// the last '/' (a ':' before it is a registry port), and a digest pins anyway.
std::string_view image_tag(std::string_view image) {
  size_t slash = image.rfind('/');
  size_t colon = image.rfind(':');
  if (colon == std::string_view::npos || (slash != std::string_view::npos && colon < slash)) {
    return {};
  }
  return image.substr(colon + 1);
}

class ImageTagMutable : public Rule {
 public:
  std::string_view id() const override { return "image-tag-mutable"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    for (const Container& container : workload.pod.containers) {
      const StringField& image = container.image;
      if (!image.value || image.value->empty() || image.value->find('@') != std::string::npos) {
        continue;
      }
      std::string_view tag = image_tag(*image.value);
      if (!tag.empty() && tag != "latest") continue;
      context.report(container, image.position, ".image",
                     fmt::format("{} uses image {} {}, so what runs changes whenever the tag "
                                 "moves; pin a version tag, ideally with a digest (@sha256:...)",
                                 describe(container), *image.value,
                                 tag.empty() ? "without a tag (that is :latest)" : "with :latest"));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_image_tag_mutable_rule() {
  return std::make_unique<ImageTagMutable>();
}

}  // namespace kube_harden
