#include "advise/pod_privileges.h"

#include <algorithm>
#include <array>
#include <set>

namespace kube_harden {
namespace {

constexpr std::string_view kSeccompPodAnnotation = "seccomp.security.alpha.kubernetes.io/pod";
constexpr std::string_view kSeccompContainerPrefix =
    "container.seccomp.security.alpha.kubernetes.io/";
constexpr std::string_view kAppArmorContainerPrefix =
    "container.apparmor.security.beta.kubernetes.io/";

// The kubelet's safe sysctls when PodSecurityPolicy was last served (v1.24).
constexpr std::array<std::string_view, 5> kSafeSysctls = {
    "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies",
    "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start"};

std::string annotation_value(const Workload& workload, std::string_view key) {
  const KeyValue* annotation = workload.pod_metadata.annotation(key);
  return annotation ? annotation->value : std::string();
}

// The annotation spelling of a seccompProfile field, or "" when it sets none.
std::string seccomp_field_profile(const Boxed<SecurityContext>& context) {
  if (!context || !context->seccomp_profile) return {};
  const SeccompProfile& profile = *context->seccomp_profile;
  const std::string type = profile.type.value.value_or("");
  if (type == "RuntimeDefault") return "runtime/default";
  if (type == "Unconfined") return "unconfined";
  if (type == "Localhost") return "localhost/" + profile.localhost_profile.value.value_or("");
  return type;
}

std::vector<std::string> capability_names(const Container& container,
                                          std::vector<StringField> Capabilities::*list) {
  std::vector<std::string> names;
  const auto& context = container.security_context;
  if (!context || !context->capabilities) return names;
  for (const StringField& entry : (*context->capabilities).*list) {
    if (entry.value) names.push_back(*entry.value);
  }
  return names;
}

}  // namespace

std::vector<int64_t> host_ports(const PodSpec& pod, const Container& container) {
  std::vector<int64_t> ports;
  const bool host_network = pod.host_network.is(true);
  for (const ContainerPort& port : container.ports) {
    int64_t host = port.host_port.value.value_or(0);
    if (host == 0 && host_network) host = port.container_port.value.value_or(0);
    if (host != 0) ports.push_back(host);
  }
  return ports;
}

std::string pod_seccomp_profile(const Workload& workload) {
  std::string annotated = annotation_value(workload, kSeccompPodAnnotation);
  return annotated.empty() ? seccomp_field_profile(workload.pod.security_context) : annotated;
}

std::string container_seccomp_profile(const Workload& workload, const Container& container) {
  std::string annotated =
      annotation_value(workload, std::string(kSeccompContainerPrefix) + container.name);
  if (!annotated.empty()) return annotated;
  std::string field = seccomp_field_profile(container.security_context);
  return field.empty() ? pod_seccomp_profile(workload) : field;
}

std::string apparmor_profile(const Workload& workload, const Container& container) {
  return annotation_value(workload, std::string(kAppArmorContainerPrefix) + container.name);
}

std::optional<SeLinuxValues> se_linux_of(const Boxed<SecurityContext>& context) {
  if (!context || !context->se_linux_options) return std::nullopt;
  const SELinuxOptions& options = *context->se_linux_options;
  return SeLinuxValues{options.user.value.value_or(""), options.role.value.value_or(""),
                       options.type.value.value_or(""), options.level.value.value_or("")};
}

std::optional<SeLinuxValues> effective_se_linux(const PodSpec& pod, const Container& container) {
  std::optional<SeLinuxValues> own = se_linux_of(container.security_context);
  return own ? own : se_linux_of(pod.security_context);
}

std::optional<int64_t> effective_run_as_group(const PodSpec& pod, const Container& container) {
  if (container.security_context && container.security_context->run_as_group.value) {
    return container.security_context->run_as_group.value;
  }
  return pod.security_context ? pod.security_context->run_as_group.value : std::nullopt;
}

std::string psp_volume_type(std::string_view source_key) {
  if (source_key == "cephfs") return "cephFS";
  return std::string(source_key);
}

std::vector<std::string> pod_volume_types(const PodSpec& pod, bool token_mounted) {
  std::set<std::string> types;
  for (const Volume& volume : pod.volumes) {
    for (const KeyValue& source : volume.sources) types.insert(psp_volume_type(source.key));
  }
  if (token_mounted) types.insert("projected");
  return {types.begin(), types.end()};
}

bool mounted_read_only(const PodSpec& pod, const Volume& volume) {
  for (const Container& container : pod.containers) {
    for (const VolumeMount& mount : container.volume_mounts) {
      if (mount.name.is(volume.name) && !mount.read_only.is(true)) return false;
    }
  }
  return true;
}

bool is_safe_sysctl(std::string_view name) {
  return std::find(kSafeSysctls.begin(), kSafeSysctls.end(), name) != kSafeSysctls.end();
}

std::vector<std::string> added_capabilities(const Container& container) {
  return capability_names(container, &Capabilities::add);
}

std::vector<std::string> dropped_capabilities(const Container& container) {
  return capability_names(container, &Capabilities::drop);
}

std::optional<bool> container_flag(const Container& container, BoolField SecurityContext::*field) {
  if (!container.security_context) return std::nullopt;
  return ((*container.security_context).*field).value;
}

}  // namespace kube_harden
