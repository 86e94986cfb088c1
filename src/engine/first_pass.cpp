#include "engine/first_pass.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>

#include "engine/file_reader.h"
#include "engine/largest_first.h"
#include "engine/parallel_for.h"
#include "kube_harden/model_builder.h"
#include "load/document_split.h"
#include "load/yaml_documents.h"

namespace kube_harden {
namespace {

// One input's part of CrossFileObjects: `preloaded` has one entry.
CrossFileObjects first_pass_of_file(const LintInput& input, size_t file_index,
                                    const LintOptions& options) {
  CrossFileObjects found;
  found.preloaded.resize(1);
  std::optional<std::string> from_disk;
  std::string read_error;  // reported when the file is checked
  std::optional<std::string_view> read =
      input_text(input, options.max_file_bytes, from_disk, read_error);
  if (!read) return found;
  std::string_view text = without_byte_order_mark(*read);
  if (!is_yaml_text(text)) return found;
  std::vector<DocumentRange> ranges = split_documents(text);
  std::vector<DocumentRange> to_load;
  PreloadedDocuments& preloaded = found.preloaded.front();
  // Near the documents limit, where the loader stops counts: load it all.
  if (ranges.size() * 2 >= options.yaml_limits.max_documents) {
    to_load = ranges;
    for (const DocumentRange& range : ranges) preloaded.range_begins.push_back(range.begin);
    preloaded.range_bytes = text.size();
  }
  for (size_t i = 0; to_load.size() != ranges.size() && i < ranges.size(); ++i) {
    const DocumentRange& range = ranges[i];
    std::string_view document = text.substr(range.begin, range.end - range.begin);
    FirstPassView view = first_pass_view(outline_document(document, range.first_line), file_index);
    if (view.action == FirstPassView::Action::Sketch) {
      found.workloads.push_back(std::move(view.sketch));
    } else if (view.action == FirstPassView::Action::Load) {
      to_load.push_back(range);
      preloaded.range_begins.push_back(range.begin);
      preloaded.range_bytes += document.size();
    } else if (view.only_counted && document.size() <= options.yaml_limits.max_expanded_nodes) {
      // (A node takes a byte at least: no larger range can hit the loader's node limit.)
      preloaded.range_begins.push_back(range.begin);
      preloaded.range_bytes += document.size();
      ++preloaded.counts.documents;
      ++preloaded.counts.skipped;
    }
  }
  if (to_load.empty()) return found;
  YamlLoadResult yaml = load_yaml_documents(text, to_load, options.yaml_limits);
  preloaded.errors = std::move(yaml.errors);
  Manifests& model = preloaded.objects;
  build_manifests(yaml.file, file_index, model, preloaded.counts);
  std::vector<WorkloadSketch> loaded = running_workload_sketches(model.workloads);
  found.workloads.insert(found.workloads.end(), std::make_move_iterator(loaded.begin()),
                         std::make_move_iterator(loaded.end()));
  // In document order, as loading the whole file gives them.
  std::stable_sort(
      found.workloads.begin(), found.workloads.end(),
      [](const WorkloadSketch& a, const WorkloadSketch& b) { return a.position < b.position; });
  found.objects = merge_cross_objects(std::vector<Manifests*>{&model});  // the rest stays
  return found;
}

}  // namespace

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
  if (api_version.empty() || kind.empty()) return {Action::Nothing, {}, true};
  if (is_cross_object_kind(api_version, kind)) return {};
  if (!is_modelled_kind(api_version, kind)) return {Action::Nothing, {}, true};
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

CrossFileObjects first_pass(const std::vector<LintInput>& inputs, const LintOptions& options) {
  std::vector<CrossFileObjects> files(inputs.size());
  std::vector<size_t> order = largest_first(inputs);
  parallel_for(order.size(), options.jobs, [&](size_t k) {
    files[order[k]] = first_pass_of_file(inputs[order[k]], order[k], options);
  });
  CrossFileObjects run;
  std::vector<Manifests*> parts;
  for (CrossFileObjects& file : files) {
    parts.push_back(&file.objects);
    run.preloaded.push_back(std::move(file.preloaded.front()));
    run.workloads.insert(run.workloads.end(), std::make_move_iterator(file.workloads.begin()),
                         std::make_move_iterator(file.workloads.end()));
  }
  run.objects = merge_cross_objects(parts);
  return run;
}

}  // namespace kube_harden
