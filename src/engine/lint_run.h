#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/helm_sources.h"
#include "engine/suppression_comments.h"
#include "kube_harden/lint.h"
#include "kube_harden/model.h"
#include "kube_harden/model_builder.h"

namespace kube_harden {

// What loading one input produced.
struct LoadedFile {
  bool read = false;
  Manifests manifests;
  DocumentCounts counts;
  std::vector<SuppressionComment> comments;
  std::vector<HelmSource> helm_sources;
  std::vector<InputError> errors;
};

struct PreloadedDocuments;

// Reads, parses and models one input; its objects carry `file_index`. With
// `preloaded` (what a first pass loaded of it, taken over here), only the
// other documents are parsed, and the model holds its workloads and
// PodSecurityPolicies but none of the objects rules look up across files.
LoadedFile load_input(const LintInput& input, size_t file_index, const LintOptions& options,
                      std::unique_ptr<PreloadedDocuments> preloaded = nullptr);

// Every input read and parsed: the objects of all files, and per file its
// name, suppression comments and Helm sources.
struct LoadedRun {
  // The objects rules look up across files (ServiceAccounts,
  // NetworkPolicies, Namespaces, Roles, RoleBindings) of every file, merged
  // in file order.
  Manifests cross_objects;
  // Each file's other objects (workloads, PodSecurityPolicies), by file
  // index: they are checked a file at a time, so they need no merging.
  std::vector<Manifests> file_objects;
  std::vector<std::string> file_names;
  std::vector<std::vector<SuppressionComment>> comments;
  std::vector<std::vector<HelmSource>> helm_sources;
  std::vector<InputError> errors;  // inputs that could not be (fully) read or parsed
  LintSummary counts;              // files, documents, objects and skipped; no findings
};

// Loads every input on options.jobs threads. What is loaded does not depend
// on the number of threads.
LoadedRun load_run(const std::vector<LintInput>& inputs, const LintOptions& options);

// Adds a file's counts to a run's.
void add_counts(LintSummary& summary, const DocumentCounts& counts);

// Every object of the run in one model, file order kept; `run` is left empty.
Manifests merge_run(LoadedRun&& run);

// lint() without the loading, so that one model can be checked under several
// sets of rule options (advise checks it at two Pod Security levels). The
// options that shape loading (limits, in-source suppressions) must be those
// `run` was loaded with.
LintResult check_run(const LoadedRun& run, const LintOptions& options, FindingSink& sink);
LintResult check_run(const LoadedRun& run, const LintOptions& options);

}  // namespace kube_harden
