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
  for (const KeyValue& label : sketch.pod_labels) {
    text += fmt::format("[{}={}@{}:{}]", label.key, label.value, label.position.line,
                        label.position.column);
  }
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

// What the loader and the model make of one range of `text`, in the words
// of describe(): "nothing" or the sketches of its workloads, after
// "looked up across files; " when it holds such an object. `clean` says
// whether it loaded without error.
inline std::string first_pass_by_loader(std::string_view text, const DocumentRange& range,
                                        bool& clean) {
  YamlLoadResult yaml = load_yaml_documents(text, std::vector<DocumentRange>{range});
  clean = yaml.errors.empty();
  Manifests model;
  DocumentCounts counts;
  build_manifests(yaml.file, 0, model, counts);
  Manifests looked_up = merge_cross_objects(std::vector<Manifests*>{&model});
  bool any = !looked_up.service_accounts.empty() || !looked_up.network_policies.empty() ||
             !looked_up.namespaces.empty() || !looked_up.roles.empty() ||
             !looked_up.role_bindings.empty();
  std::string text_of = any ? "looked up across files; " : "";
  std::vector<WorkloadSketch> sketches = running_workload_sketches(model.workloads);
  if (sketches.empty()) return text_of + "nothing";
  for (const WorkloadSketch& sketch : sketches) text_of += describe(sketch);
  return text_of;
}

}  // namespace kube_harden::testing_support
