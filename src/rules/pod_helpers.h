#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "kube_harden/k8s_version.h"
#include "kube_harden/model.h"
#include "kube_harden/rule.h"

namespace kube_harden {

// The capabilities the PSS baseline level lets a container add (exact names).
inline constexpr std::array<std::string_view, 13> kBaselineCapabilities = {
    "AUDIT_WRITE",      "CHOWN",   "DAC_OVERRIDE", "FOWNER",  "FSETID", "KILL",      "MKNOD",
    "NET_BIND_SERVICE", "SETFCAP", "SETGID",       "SETPCAP", "SETUID", "SYS_CHROOT"};

bool is_baseline_capability(std::string_view capability);
// Listed in parameters.allowedExtraCapabilities: accepted by the user's
// choice, against the Pod Security Standards. Names match exactly.
bool is_allowed_extra_capability(const RuleParameters& parameters, std::string_view capability);
std::string baseline_capability_list();

// spec.os.name: windows, which exempts a pod from some restricted checks (v1.25+).
bool is_windows_pod(const PodSpec& pod);
// Windows pods are exempt from allowPrivilegeEscalation, capabilities_restricted
// and seccompProfile_restricted from policy v1.25.
bool exempt_as_windows_pod(const K8sVersion& version, const PodSpec& pod);
// spec.hostUsers: false, which relaxes some checks from v1.35.
bool uses_user_namespace(const PodSpec& pod);

// The place to point at when a container lacks a security setting: its
// securityContext key when it has one, else its name.
Position security_context_anchor(const Container& container);

// "container \"app\"", "init container \"setup\"", "ephemeral container \"debug\"".
std::string describe(const Container& container);

// A container's value where it sets one, else the pod's (as the kubelet resolves them).
std::optional<bool> effective_run_as_non_root(const PodSpec& pod, const Container& container);
std::optional<int64_t> effective_run_as_user(const PodSpec& pod, const Container& container);

bool drops_capability(const Container& container, std::string_view capability);

// Calls visit(container, index, field) for every capabilities.add entry of
// every container.
template <class Visit>
void for_each_added_capability(const PodSpec& pod, const Visit& visit) {
  for (const Container& container : pod.containers) {
    const auto& security = container.security_context;
    if (!security || !security->capabilities) continue;
    const auto& added = security->capabilities->add;
    for (size_t i = 0; i < added.size(); ++i) visit(container, i, added[i]);
  }
}

}  // namespace kube_harden

namespace kube_harden {

// The field path of the metadata that belongs to a pod spec path
// ("spec" -> "metadata", "spec.template.spec" -> "spec.template.metadata").
std::string pod_metadata_path(const PodSpec& pod);

}  // namespace kube_harden
