#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "kube_harden/lint.h"
#include "kube_harden/manifest_index.h"
#include "kube_harden/model_builder.h"
#include "kube_harden/yaml_loader.h"
#include "load/document_outline.h"

namespace kube_harden {

// What the first pass of a run takes from one document, going by its
// outline: nothing (a kind no rule looks up across files), a workload's
// sketch, or, when the outline is unsure or the object is one that rules
// look up (ServiceAccount, NetworkPolicy, Namespace, Role, RoleBinding, or
// a List that may hold them), the whole document through the full loader.
struct FirstPassView {
  enum class Action { Nothing, Sketch, Load } action = Action::Load;
  WorkloadSketch sketch;  // for Sketch
  // For Nothing: the second pass need not load the document either. The
  // outline is sure of all of it, and it is one mapping of a kind
  // build_manifests() does not model, which loading would only count as a
  // document skipped.
  bool only_counted = false;
};

FirstPassView first_pass_view(const DocumentOutline& outline, size_t file_index);

// What the first pass did for the second in one file: the ranges (by their
// first byte, in text order) the second need not parse, because the first
// loaded them in full or they are only counted (FirstPassView::only_counted);
// and what they gave but the cross-file objects, which CrossFileObjects
// keeps for the whole run.
struct PreloadedDocuments {
  std::vector<size_t> range_begins;
  uint64_t range_bytes = 0;  // the size of those ranges
  Manifests objects;  // workloads and PodSecurityPolicies
  DocumentCounts counts;
  std::vector<YamlError> errors;
};

// What rules look up across files, gathered by a first pass over every input
// before any is checked: the ServiceAccounts, NetworkPolicies, Namespaces,
// Roles and RoleBindings of every file (merged in file order), and a sketch
// of every workload that runs pods, in input order. It is what loading every
// input in full would give, at the cost of an outline of most documents.
struct CrossFileObjects {
  Manifests objects;
  std::vector<WorkloadSketch> workloads;
  // By file index: the documents the first pass loaded or counted, so that
  // the second does not parse them again; null when there are none.
  std::vector<std::unique_ptr<PreloadedDocuments>> preloaded;
  // By file index: each input's size when the run started (input_sizes()).
  std::vector<uint64_t> input_bytes;
};

CrossFileObjects first_pass(const std::vector<LintInput>& inputs, const LintOptions& options);

}  // namespace kube_harden
