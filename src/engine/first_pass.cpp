#include "engine/first_pass.h"

#include <algorithm>
#include <iterator>
#include <mutex>
#include <optional>
#include <string>

#include "engine/file_reader.h"
#include "engine/largest_first.h"
#include "engine/ordered_pipeline.h"
#include "kube_harden/model_builder.h"
#include "load/document_split.h"
#include "load/yaml_documents.h"

namespace kube_harden {
namespace {

// One input's part of CrossFileObjects: `preloaded` has one entry.
CrossFileObjects first_pass_of_file(const LintInput& input, size_t file_index,
                                    const LintOptions& options) {
  CrossFileObjects found;
  found.preloaded.push_back(std::make_unique<PreloadedDocuments>());
  std::optional<std::string> from_disk;
  std::string read_error;  // reported when the file is checked
  std::optional<std::string_view> read =
      input_text(input, options.max_file_bytes, from_disk, read_error);
  if (!read) return found;
  std::string_view text = without_byte_order_mark(*read);
  if (!is_yaml_text(text)) return found;
  std::vector<DocumentRange> ranges = split_documents(text);
  std::vector<DocumentRange> to_load;
  PreloadedDocuments& preloaded = *found.preloaded.front();
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
  drop_unread_metadata(found.objects);
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
      sketch.pod_labels = PackedLabels(outline.labels);
      break;
    case 2:  // spec.template
      sketch.pod_labels = PackedLabels(outline.template_labels);
      break;
    case 4:  // a CronJob's spec.jobTemplate.spec.template
      sketch.pod_labels = PackedLabels(outline.job_template_labels);
      break;
    default:
      return {};
  }
  return view;
}

// Files are outlined and loaded on threads of their own, in input order
// (the heaviest of a window first), while this thread copies the objects
// kept for the whole run as each file's turn comes. glibc gives each thread
// a heap (arena) of its own: the kept objects then lie together in this
// thread's, which the second pass goes on to use, and not among the holes
// the first pass's short-lived texts and trees leave in the workers'. With
// both in one heap, every allocation of the second pass searched through
// those holes: at 100,000 objects malloc took 7.3% of the time, not 3.7%.
CrossFileObjects first_pass(const std::vector<LintInput>& inputs, const LintOptions& options) {
  CrossFileObjects run;
  run.preloaded.resize(inputs.size());
  const unsigned jobs = std::max(options.jobs, 1u);
  run.input_bytes = input_sizes(inputs, jobs);
  const std::vector<uint64_t>& sizes = run.input_bytes;
  const uint64_t largest = sizes.empty() ? 0 : *std::max_element(sizes.begin(), sizes.end());
  // What a file gave goes back to a worker to be freed: a thread keeps the
  // chunks it frees for its own next allocations (glibc's tcache), whatever
  // heap they came from, and the copies would be made of the workers' chunks.
  std::mutex garbage_mutex;
  std::vector<CrossFileObjects> garbage;
  auto free_garbage = [&] {
    std::vector<CrossFileObjects> freed;
    std::lock_guard lock(garbage_mutex);
    freed.swap(garbage);
  };
  size_t file = 0;
  ordered_pipeline<CrossFileObjects>(
      inputs.size(), jobs, byte_window(largest, jobs), [&](size_t i) { return sizes[i]; },
      [&](size_t i) {
        free_garbage();
        return first_pass_of_file(inputs[i], i, options);
      },
      [&](CrossFileObjects& found) {
        append_cross_object_copies(run.objects, found.objects);
        run.workloads.insert(run.workloads.end(), found.workloads.begin(), found.workloads.end());
        // Freed file by file by the second pass: no need to copy.
        std::unique_ptr<PreloadedDocuments>& preloaded = found.preloaded.front();
        if (preloaded && !preloaded->range_begins.empty())
          run.preloaded[file] = std::move(preloaded);
        ++file;
        std::lock_guard lock(garbage_mutex);
        garbage.push_back(std::move(found));
      },
      true);
  shrink_cross_object_lists(run.objects);
  run.workloads.shrink_to_fit();
  return run;
}

}  // namespace kube_harden
