#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kube_harden {

// The PodSecurityPolicy annotations that list allowed profiles, comma-separated.
// An empty entry (a trailing comma) allows leaving the profile unset.
inline constexpr std::string_view kSeccompAllowedProfiles =
    "seccomp.security.alpha.kubernetes.io/allowedProfileNames";
inline constexpr std::string_view kAppArmorAllowedProfiles =
    "apparmor.security.beta.kubernetes.io/allowedProfileNames";

std::vector<std::string> split_profiles(std::string_view list);
// Sorted names joined with commas, with "" (unset) written as a trailing comma.
std::string join_profiles(std::vector<std::string> names);

}  // namespace kube_harden
