#pragma once

#include <vector>

#include "kube_harden/advise.h"

namespace kube_harden {

// The strictest Pod Security Standards level each namespace passes, found by
// linting at restricted and at baseline with the level and version forced
// (Namespace labels in the input do not count), with its labels and the
// findings that block the next level. Namespaces are those of the workloads
// and of the Namespace objects in the input. Input errors go to `errors`.
std::vector<NamespaceAdvice> advise_levels(const std::vector<LintInput>& inputs,
                                           const Manifests& manifests, const LintOptions& options,
                                           std::vector<InputError>& errors);

}  // namespace kube_harden
