#include "rules/pod_helpers.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace kube_harden {

bool is_baseline_capability(std::string_view capability) {
  return std::find(kBaselineCapabilities.begin(), kBaselineCapabilities.end(), capability) !=
         kBaselineCapabilities.end();
}

bool is_allowed_extra_capability(const RuleParameters& parameters, std::string_view capability) {
  const auto& allowed = parameters.allowed_extra_capabilities;
  return std::find(allowed.begin(), allowed.end(), capability) != allowed.end();
}

std::string baseline_capability_list() {
  return fmt::format("{}", fmt::join(kBaselineCapabilities, ", "));
}

bool is_windows_pod(const PodSpec& pod) {
  return pod.os_name.is("windows");
}

bool exempt_as_windows_pod(const K8sVersion& version, const PodSpec& pod) {
  return version.at_least(25) && is_windows_pod(pod);
}

bool uses_user_namespace(const PodSpec& pod) {
  return pod.host_users.is(false);
}

Position security_context_anchor(const Container& container) {
  return container.security_context ? container.security_context->position : container.position;
}

std::string describe(const Container& container) {
  switch (container.kind) {
    case ContainerKind::Init:
      return fmt::format("init container \"{}\"", container.name);
    case ContainerKind::Ephemeral:
      return fmt::format("ephemeral container \"{}\"", container.name);
    case ContainerKind::Regular:
      break;
  }
  return fmt::format("container \"{}\"", container.name);
}

std::optional<bool> effective_run_as_non_root(const PodSpec& pod, const Container& container) {
  if (container.security_context && container.security_context->run_as_non_root.value) {
    return container.security_context->run_as_non_root.value;
  }
  return pod.security_context ? pod.security_context->run_as_non_root.value : std::nullopt;
}

std::optional<int64_t> effective_run_as_user(const PodSpec& pod, const Container& container) {
  if (container.security_context && container.security_context->run_as_user.value) {
    return container.security_context->run_as_user.value;
  }
  return pod.security_context ? pod.security_context->run_as_user.value : std::nullopt;
}

bool drops_capability(const Container& container, std::string_view capability) {
  const auto& context = container.security_context;
  if (!context || !context->capabilities) return false;
  const auto& dropped = context->capabilities->drop;
  return std::any_of(dropped.begin(), dropped.end(),
                     [&](const StringField& entry) { return entry.is(std::string(capability)); });
}

}  // namespace kube_harden

namespace kube_harden {

std::string pod_metadata_path(const PodSpec& pod) {
  std::string_view path = pod.path;
  path.remove_suffix(std::string_view("spec").size());
  return std::string(path) + "metadata";
}

}  // namespace kube_harden
