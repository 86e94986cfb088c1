#pragma once

#include <cstddef>

#include "kube_harden/manifest_index.h"
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
};

FirstPassView first_pass_view(const DocumentOutline& outline, size_t file_index);

}  // namespace kube_harden
