#pragma once

#include <vector>

#include "engine/lint_run.h"
#include "kube_harden/advise.h"

namespace kube_harden {

// The strictest Pod Security Standards level each namespace passes, found by
// checking the run at restricted and at baseline with the level and version
// forced (Namespace labels in the input do not count), with its labels and
// the findings that block the next level. Namespaces are those of the
// workloads and of the Namespace objects in the input.
std::vector<NamespaceAdvice> advise_levels(const LoadedRun& run, const LintOptions& options);

}  // namespace kube_harden
