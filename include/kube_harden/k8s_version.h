#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kube_harden {

// A Kubernetes minor version (the major is always 1). Policy versions newer
// than the newest one we know are clamped to it, as Pod Security Admission does.
struct K8sVersion {
  static constexpr int kNewestMinor = 37;

  int minor = kNewestMinor;

  static K8sVersion latest() { return K8sVersion{kNewestMinor}; }
  // Accepts "latest", "v1.N" and "1.N"; clamps N above the newest known.
  static std::optional<K8sVersion> parse(std::string_view text);

  bool at_least(int other_minor) const { return minor >= other_minor; }
  std::string to_string() const;
  friend auto operator<=>(const K8sVersion&, const K8sVersion&) = default;
};

}  // namespace kube_harden
