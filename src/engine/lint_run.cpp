#include "engine/lint_run.h"

#include <algorithm>
#include <iterator>
#include <optional>

#include "engine/file_reader.h"
#include "engine/first_pass.h"
#include "engine/largest_first.h"
#include "engine/parallel_for.h"
#include "kube_harden/model_builder.h"
#include "kube_harden/yaml_loader.h"
#include "load/document_split.h"
#include "load/yaml_documents.h"

namespace kube_harden {

namespace {

// Moves the objects of `from` into `to`, both in document order, keeping
// document order.
template <class Object>
void merge_by_position(std::vector<Object>& to, std::vector<Object>& from) {
  if (from.empty()) return;
  std::vector<Object> merged;
  merged.reserve(to.size() + from.size());
  std::merge(std::make_move_iterator(to.begin()), std::make_move_iterator(to.end()),
             std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()),
             std::back_inserter(merged), [](const Object& a, const Object& b) {
               return a.header.position < b.header.position;
             });
  to = std::move(merged);
}

// The documents a first pass neither loaded nor counted, and what it loaded
// with them.
YamlLoadResult load_rest(std::string_view text, PreloadedDocuments& preloaded, size_t file_index,
                         const LintOptions& options, Manifests& manifests,
                         DocumentCounts& counts) {
  text = without_byte_order_mark(text);
  // Both in text order: one walk finds the ranges not loaded.
  std::vector<DocumentRange> rest;
  auto loaded = preloaded.range_begins.begin();
  for (const DocumentRange& range : split_documents(text)) {
    if (loaded != preloaded.range_begins.end() && *loaded == range.begin) {
      ++loaded;
    } else {
      rest.push_back(range);
    }
  }
  YamlLoadResult yaml;
  if (!rest.empty()) {
    yaml = load_yaml_documents(text, rest, options.yaml_limits);
    build_manifests(yaml.file, file_index, manifests, counts);
  }
  merge_by_position(manifests.workloads, preloaded.objects.workloads);
  merge_by_position(manifests.pod_security_policies, preloaded.objects.pod_security_policies);
  counts += preloaded.counts;
  // Each document's errors in document order, as one load of the file gives them.
  yaml.errors.insert(yaml.errors.end(), preloaded.errors.begin(), preloaded.errors.end());
  std::stable_sort(yaml.errors.begin(), yaml.errors.end(),
                   [](const YamlError& a, const YamlError& b) { return a.position < b.position; });
  return yaml;
}

}  // namespace

void add_counts(LintSummary& summary, const DocumentCounts& counts) {
  summary.documents += counts.documents;
  summary.objects += counts.objects;
  summary.skipped += counts.skipped;
}

LoadedFile load_input(const LintInput& input, size_t file_index, const LintOptions& options,
                      std::unique_ptr<PreloadedDocuments> preloaded) {
  LoadedFile loaded;
  std::optional<std::string> from_disk;
  std::string read_error;
  std::optional<std::string_view> read =
      input_text(input, options.max_file_bytes, from_disk, read_error);
  if (!read) {
    loaded.errors.push_back(InputError{input.display_name, {}, read_error});
    return loaded;
  }
  std::string_view text = *read;
  loaded.read = true;
  if (options.suppressions.in_source) loaded.comments = scan_suppression_comments(text);
  loaded.helm_sources = scan_helm_sources(text);
  YamlLoadResult yaml;
  if (preloaded) {
    yaml = load_rest(text, *preloaded, file_index, options, loaded.manifests, loaded.counts);
  } else {
    yaml = load_yaml(text, options.yaml_limits);
    build_manifests(yaml.file, file_index, loaded.manifests, loaded.counts);
  }
  for (const YamlError& error : yaml.errors) {
    loaded.errors.push_back(
        InputError{input.display_name, error.position, "invalid YAML: " + error.message});
  }
  // Held until every file is checked: no spare room.
  loaded.manifests.workloads.shrink_to_fit();
  return loaded;
}

namespace {

// Loads every input on `jobs` threads; the result does not depend on `jobs`
// or on the order inputs are taken in, as each lands at its own index.
std::vector<LoadedFile> load_all(const std::vector<LintInput>& inputs, const LintOptions& options) {
  std::vector<LoadedFile> loaded(inputs.size());
  if (options.jobs <= 1 || inputs.size() <= 1) {
    for (size_t i = 0; i < inputs.size(); ++i) loaded[i] = load_input(inputs[i], i, options);
    return loaded;
  }
  std::vector<size_t> order = largest_first(inputs);
  parallel_for(order.size(), options.jobs, [&](size_t k) {
    loaded[order[k]] = load_input(inputs[order[k]], order[k], options);
  });
  return loaded;
}

}  // namespace

LoadedRun load_run(const std::vector<LintInput>& inputs, const LintOptions& options) {
  LoadedRun run;
  std::vector<LoadedFile> loaded = load_all(inputs, options);
  std::vector<Manifests*> parts;
  run.file_objects.resize(loaded.size());
  for (size_t i = 0; i < loaded.size(); ++i) {
    run.file_names.push_back(inputs[i].display_name);
    LoadedFile& file = loaded[i];
    if (file.read) ++run.counts.files;
    std::move(file.errors.begin(), file.errors.end(), std::back_inserter(run.errors));
    add_counts(run.counts, file.counts);
    parts.push_back(&file.manifests);
    run.comments.push_back(std::move(file.comments));
    run.helm_sources.push_back(std::move(file.helm_sources));
  }
  run.cross_objects = merge_cross_objects(parts);
  for (size_t i = 0; i < loaded.size(); ++i) run.file_objects[i] = std::move(loaded[i].manifests);
  return run;
}

Manifests merge_run(LoadedRun&& run) {
  std::vector<Manifests*> parts{&run.cross_objects};
  for (Manifests& file : run.file_objects) parts.push_back(&file);
  return merge_manifests(parts);
}

}  // namespace kube_harden
