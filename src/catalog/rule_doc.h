#pragma once

#include <string>

#include "kube_harden/rule_metadata.h"

namespace kube_harden {

// docs/rules/README.md: a table of every rule in the catalogue, each linked
// to its page. kh-docgen writes it; a test checks the committed copy.
std::string render_rule_index_markdown(const RuleCatalog& catalog);

}  // namespace kube_harden
