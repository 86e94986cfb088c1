#include "kube_harden/k8s_version.h"

#include <algorithm>
#include <charconv>

namespace kube_harden {

std::optional<K8sVersion> K8sVersion::parse(std::string_view text) {
  if (text == "latest") return latest();
  if (text.starts_with("v")) text.remove_prefix(1);
  if (!text.starts_with("1.")) return std::nullopt;
  text.remove_prefix(2);
  int minor = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), minor);
  if (error != std::errc() || end != text.data() + text.size() || minor < 0) return std::nullopt;
  return K8sVersion{std::min(minor, kNewestMinor)};
}

std::string K8sVersion::to_string() const {
  return "v1." + std::to_string(minor);
}

}  // namespace kube_harden
