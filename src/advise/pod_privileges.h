#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kube_harden/advise.h"
#include "kube_harden/model.h"

namespace kube_harden {

// What a pod and its containers ask for, resolved the way the API server and
// PodSecurityPolicy admission see it. The PSP generator, the admission check
// and the usage report all read workloads through these.

// Host ports a container binds: every non-zero hostPort, and with hostNetwork
// the containerPort too (the API server defaults hostPort to it).
std::vector<int64_t> host_ports(const PodSpec& pod, const Container& container);

// Seccomp profiles in PSP annotation form ("runtime/default", "unconfined",
// "localhost/<file>"), or "" when unset: the pod's, and a container's
// (its annotation, else its field, else the pod's).
std::string pod_seccomp_profile(const Workload& workload);
std::string container_seccomp_profile(const Workload& workload, const Container& container);

// The container's AppArmor annotation value, or "" when unset. PSP predates
// the appArmorProfile field, so only the annotation counts.
std::string apparmor_profile(const Workload& workload, const Container& container);

// The SELinux options a securityContext sets, if any.
std::optional<SeLinuxValues> se_linux_of(const Boxed<SecurityContext>& context);
// The container's SELinux options, else the pod's; nullopt when neither sets any.
std::optional<SeLinuxValues> effective_se_linux(const PodSpec& pod, const Container& container);

std::optional<int64_t> effective_run_as_group(const PodSpec& pod, const Container& container);

// PSP's name for a volume source key ("cephfs" is "cephFS"; others are the same).
std::string psp_volume_type(std::string_view source_key);

// The PSP volume types a pod uses, sorted; with the ServiceAccount token
// mounted, "projected" (the kube-api-access-* volume) too.
std::vector<std::string> pod_volume_types(const PodSpec& pod, bool token_mounted);

// Whether every container mounting `volume` mounts it read-only (true when none does).
bool mounted_read_only(const PodSpec& pod, const Volume& volume);

// Sysctls the kubelet (and so PSP) allows without allowedUnsafeSysctls.
bool is_safe_sysctl(std::string_view name);

std::vector<std::string> added_capabilities(const Container& container);
std::vector<std::string> dropped_capabilities(const Container& container);

// The explicit value of a container's securityContext field, if it sets one.
std::optional<bool> container_flag(const Container& container, BoolField SecurityContext::*field);

}  // namespace kube_harden
