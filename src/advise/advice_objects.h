#pragma once

#include "advise/yaml_writer.h"
#include "kube_harden/advise.h"

namespace kube_harden {

// The PodSecurityPolicy object as written by `advise --format yaml`; the JSON
// output embeds the same object.
YamlValue psp_object(const PspSpec& psp);

}  // namespace kube_harden
