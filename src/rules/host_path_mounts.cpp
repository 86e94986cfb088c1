#include "rules/host_path_mounts.h"

#include <string_view>
#include <utility>

namespace kube_harden {
namespace {

// A path, and whether its subdirectories are as dangerous as itself.
struct SensitivePath {
  std::string_view path;
  bool with_children;
  std::string_view reason;
};

constexpr SensitivePath kSensitivePaths[] = {
    {"/", false, "the node's whole file system"},
    {"/etc", true, "the node's configuration, credentials and kubelet settings"},
    {"/proc", true, "the node's processes and kernel settings"},
    {"/sys", true, "the node's kernel and devices"},
    {"/root", true, "root's home directory on the node"},
    {"/boot", true, "the node's kernel images"},
    {"/dev", true, "the node's devices"},
    {"/var/lib/kubelet", true, "the kubelet's state, including other pods' secrets"},
    {"/var/run/docker.sock", false, "the Docker socket: full control of the node"},
    {"/run/docker.sock", false, "the Docker socket: full control of the node"},
    {"/var/run/containerd/containerd.sock", false,
     "the containerd socket: full control of the node"},
    {"/run/containerd/containerd.sock", false, "the containerd socket: full control of the node"},
    {"/var/run/crio/crio.sock", false, "the CRI-O socket: full control of the node"},
    {"/run/crio/crio.sock", false, "the CRI-O socket: full control of the node"},
};

std::string normalized(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

// Paths below "/" would need the prefix "//": the root only matches itself.
bool at_or_below(const std::string& path, std::string_view sensitive, bool with_children) {
  if (path == sensitive) return true;
  return with_children && path.starts_with(std::string(sensitive) + "/");
}

}  // namespace

std::string sensitive_host_path_reason(const std::string& raw_path,
                                       const std::vector<std::string>& configured) {
  std::string path = normalized(raw_path);
  for (const SensitivePath& sensitive : kSensitivePaths) {
    if (at_or_below(path, sensitive.path, sensitive.with_children)) {
      return std::string(sensitive.reason);
    }
  }
  for (const std::string& entry : configured) {
    if (at_or_below(path, normalized(entry), true)) {
      return "listed in parameters.sensitiveHostPaths";
    }
  }
  return "";
}

}  // namespace kube_harden
