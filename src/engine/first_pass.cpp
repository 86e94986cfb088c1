#include "engine/first_pass.h"

#include "kube_harden/model_builder.h"

namespace kube_harden {

FirstPassView first_pass_view(const DocumentOutline& outline, size_t file_index) {
  using Action = FirstPassView::Action;
  if (!outline.sure) {
    // A kind no rule looks up across files needs only that.
    bool irrelevant = outline.kind_sure && !is_workload_or_cross_object_kind(*outline.kind) &&
                      !outline.kind->ends_with("List");
    return irrelevant ? FirstPassView{Action::Nothing, {}} : FirstPassView{};
  }
  if (outline.empty) return {Action::Nothing, {}};
  const std::string api_version = outline.api_version.value_or("");
  const std::string kind = outline.kind.value_or("");
  // A List's items are objects of their own.
  if (kind.ends_with("List")) return {};
  // What build_manifests() skips: no apiVersion or kind.
  if (api_version.empty() || kind.empty()) return {Action::Nothing, {}};
  if (is_cross_object_kind(api_version, kind)) return {};
  std::optional<std::span<const std::string_view>> template_keys =
      pod_template_keys(api_version, kind);
  if (!template_keys || kind == "PodTemplate") return {Action::Nothing, {}};
  FirstPassView view{Action::Sketch, {}};
  WorkloadSketch& sketch = view.sketch;
  sketch.file_index = file_index;
  sketch.position = outline.position;
  sketch.name = outline.name.value_or("");
  sketch.namespace_name = outline.namespace_name.value_or("");
  switch (template_keys->size()) {
    case 0:  // a Pod
      sketch.pod_labels = outline.labels;
      break;
    case 2:  // spec.template
      sketch.pod_labels = outline.template_labels;
      break;
    case 4:  // a CronJob's spec.jobTemplate.spec.template
      sketch.pod_labels = outline.job_template_labels;
      break;
    default:
      return {};
  }
  return view;
}

}  // namespace kube_harden
