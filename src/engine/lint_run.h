#pragma once

#include <string>
#include <vector>

#include "engine/helm_sources.h"
#include "engine/suppression_comments.h"
#include "kube_harden/lint.h"
#include "kube_harden/model.h"

namespace kube_harden {

// Every input read, parsed and merged into one model: the objects of all
// files, and per file its name, suppression comments and Helm sources.
struct LoadedRun {
  Manifests manifests;
  std::vector<std::string> file_names;
  std::vector<std::vector<SuppressionComment>> comments;
  std::vector<std::vector<HelmSource>> helm_sources;
  std::vector<InputError> errors;  // inputs that could not be (fully) read or parsed
  LintSummary counts;              // files, documents, objects and skipped; no findings
};

// Loads every input on options.jobs threads. What is loaded does not depend
// on the number of threads.
LoadedRun load_run(const std::vector<LintInput>& inputs, const LintOptions& options);

// lint() without the loading, so that one model can be checked under several
// sets of rule options (advise checks it at two Pod Security levels). The
// options that shape loading (limits, in-source suppressions) must be those
// `run` was loaded with.
LintResult check_run(const LoadedRun& run, const LintOptions& options, FindingSink& sink);
LintResult check_run(const LoadedRun& run, const LintOptions& options);

}  // namespace kube_harden
