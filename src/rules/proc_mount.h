#pragma once

#include "kube_harden/rule.h"

namespace kube_harden {

// Reports every container whose procMount is set to anything but Default.
void report_unmasked_proc_mounts(const PodSpec& pod, RuleContext& context, std::string_view advice);

}  // namespace kube_harden
