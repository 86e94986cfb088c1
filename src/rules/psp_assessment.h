#pragma once

#include <string>
#include <vector>

#include "kube_harden/model.h"

namespace kube_harden {

// How much a PodSecurityPolicy admits, in Pod Security Standards terms.
enum class AdmittedLevel { Restricted, Baseline, Privileged };

std::string_view to_string(AdmittedLevel level);

// One setting that makes a PSP admit more than the restricted level.
struct PermissiveSetting {
  Position position;
  std::string path;
  std::string message;
  AdmittedLevel admits;  // the level this setting alone lets pods reach
  bool has_own_rule;     // reported by a dedicated psp-* rule already
};

// Every permissive setting of `psp`, following the official "Mapping PSP to
// PSS" table; the policy's level is the worst of them.
std::vector<PermissiveSetting> permissive_settings(const PodSecurityPolicy& psp);
AdmittedLevel admitted_level(const std::vector<PermissiveSetting>& settings);

}  // namespace kube_harden
