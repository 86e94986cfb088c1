#pragma once

#include "kube_harden/rule_metadata.h"

namespace kube_harden {

// The built-in catalogue with only what linting reads from it: each rule's id,
// title, severity, category and pss. The documentation texts, most of
// rules/*.yaml, are left out, so linting one small file does not pay for
// parsing them (SARIF, `rules` and `explain` use RuleCatalog::builtin()).
// Parsed once, on first use.
const RuleCatalog& builtin_rule_headers();

}  // namespace kube_harden
