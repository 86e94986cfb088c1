#pragma once

// The first pass's view of a document in words, as the outline gives it and
// as the full loader and model give it, so that the two can be compared.
// Shared by tests/document_outline_test.cpp and the loader fuzzer.

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "engine/first_pass.h"
#include "kube_harden/model_builder.h"
#include "load/document_split.h"
#include "load/yaml_documents.h"

namespace kube_harden::testing_support {

inline std::string describe(const WorkloadSketch& sketch) {
  std::string text =
      fmt::format("{} {}:{} name={} ns={} labels=", sketch.file_index, sketch.position.line,
                  sketch.position.column, sketch.name, sketch.namespace_name);
  sketch.pod_labels.for_each([&](std::string_view key, std::string_view value) {
    text += fmt::format("[{}={}]", key, value);
  });
  return text;
}

inline std::string describe(const FirstPassView& view) {
  switch (view.action) {
    case FirstPassView::Action::Nothing:
      return "nothing";
    case FirstPassView::Action::Sketch:
      return describe(view.sketch);
    case FirstPassView::Action::Load:
      break;
  }
  return "load";
}

// What the loader and the model make of one range of `text`: `view`, in
// the words of describe(), is "nothing" or the sketches of its workloads,
// after "looked up across files; " when it holds such an object; `clean`
// says whether it loaded without error, and `counts` what it counts.
struct LoaderView {
  std::string view;
  bool clean = false;
  DocumentCounts counts;
};

inline LoaderView first_pass_by_loader(std::string_view text, const DocumentRange& range) {
  YamlLoadResult yaml = load_yaml_documents(text, std::vector<DocumentRange>{range});
  LoaderView result;
  result.clean = yaml.errors.empty();
  Manifests model;
  build_manifests(yaml.file, 0, model, result.counts);
  Manifests looked_up = merge_cross_objects(std::vector<Manifests*>{&model});
  bool any = !looked_up.service_accounts.empty() || !looked_up.network_policies.empty() ||
             !looked_up.namespaces.empty() || !looked_up.roles.empty() ||
             !looked_up.role_bindings.empty();
  result.view = any ? "looked up across files; " : "";
  std::vector<WorkloadSketch> sketches = running_workload_sketches(model.workloads);
  if (sketches.empty()) result.view += "nothing";
  for (const WorkloadSketch& sketch : sketches) result.view += describe(sketch);
  return result;
}

// Whether the loader's view agrees with the first pass's: the same view; a
// sketch only of a document that loads without error; and a document only
// counted loads without error, as one document that is skipped.
inline bool agrees(const FirstPassView& view, const LoaderView& by_loader) {
  if (describe(view) != by_loader.view) return false;
  if (view.action == FirstPassView::Action::Sketch && !by_loader.clean) return false;
  if (!view.only_counted) return true;
  const DocumentCounts& counts = by_loader.counts;
  return by_loader.clean && counts.documents == 1 && counts.objects == 0 && counts.skipped == 1;
}

}  // namespace kube_harden::testing_support
