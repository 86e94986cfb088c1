#include "rules/psp_assessment.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "rules/pod_helpers.h"

namespace kube_harden {
namespace {

constexpr std::array<std::string_view, 8> kRestrictedVolumes = {
    "configMap", "csi",   "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim",
    "projected", "secret"};

constexpr std::string_view kSeccompAllowed =
    "seccomp.security.alpha.kubernetes.io/allowedProfileNames";
constexpr std::string_view kAppArmorAllowed =
    "apparmor.security.beta.kubernetes.io/allowedProfileNames";

class Collector {
 public:
  void add(Position position, std::string path, std::string message, AdmittedLevel admits,
           bool has_own_rule = false) {
    settings.push_back(
        PermissiveSetting{position, std::move(path), std::move(message), admits, has_own_rule});
  }
  std::vector<PermissiveSetting> settings;
};

void check_capabilities(const std::vector<StringField>& list, std::string_view key,
                        Collector& out) {
  for (size_t i = 0; i < list.size(); ++i) {
    std::string name = list[i].value.value_or("");
    std::string path = fmt::format("spec.{}[{}]", key, i);
    if (name == "*") {
      out.add(list[i].position, path, "", AdmittedLevel::Privileged, true);
    } else if (!is_baseline_capability(name)) {
      out.add(list[i].position, path,
              fmt::format("{} allows capability {}, outside the baseline set", key, name),
              AdmittedLevel::Privileged);
    } else if (name != "NET_BIND_SERVICE") {
      out.add(list[i].position, path,
              fmt::format("{} allows capability {}; restricted allows only NET_BIND_SERVICE", key,
                          name),
              AdmittedLevel::Baseline);
    }
  }
}

void check_volumes(const PodSecurityPolicy& psp, Collector& out) {
  bool host_path_allowed = false;
  for (size_t i = 0; i < psp.volumes.size(); ++i) {
    std::string type = psp.volumes[i].value.value_or("");
    std::string path = fmt::format("spec.volumes[{}]", i);
    if (type == "*") {
      host_path_allowed = true;
      out.add(psp.volumes[i].position, path, "", AdmittedLevel::Privileged, true);
    } else if (type == "hostPath") {
      host_path_allowed = true;
      out.add(psp.volumes[i].position, path, "volumes allows hostPath volumes",
              AdmittedLevel::Privileged);
    } else if (std::find(kRestrictedVolumes.begin(), kRestrictedVolumes.end(), type) ==
               kRestrictedVolumes.end()) {
      out.add(psp.volumes[i].position, path,
              fmt::format("volumes allows {} volumes, outside the restricted set", type),
              AdmittedLevel::Baseline);
    }
  }
  if (!host_path_allowed) return;
  if (psp.allowed_host_paths.empty()) {
    Position position = psp.allowed_host_paths_position.known() ? psp.allowed_host_paths_position
                                                                : psp.volumes_position;
    out.add(position, "spec.allowedHostPaths",
            "hostPath volumes are allowed with no allowedHostPaths, so any node path can be "
            "mounted",
            AdmittedLevel::Privileged);
  }
  for (size_t i = 0; i < psp.allowed_host_paths.size(); ++i) {
    const AllowedHostPath& allowed = psp.allowed_host_paths[i];
    if (allowed.read_only.is(true)) continue;
    out.add(allowed.position, fmt::format("spec.allowedHostPaths[{}]", i),
            fmt::format("allowedHostPaths lets {} be mounted writable, and writable mounts can "
                        "escape the prefix; set readOnly: true",
                        allowed.path_prefix.value.value_or("(no prefix)")),
            AdmittedLevel::Privileged);
  }
}

void check_profile_annotation(const PodSecurityPolicy& psp, std::string_view key,
                              std::string_view what, Collector& out) {
  const KeyValue* annotation = psp.header.metadata.annotation(key);
  if (!annotation) return;
  bool any = annotation->value.find('*') != std::string::npos;
  bool unconfined = annotation->value.find("unconfined") != std::string::npos;
  if (!any && !unconfined) return;
  out.add(annotation->position, fmt::format("metadata.annotations['{}']", key),
          fmt::format("{} allows {} profiles", what, any ? "all" : "unconfined"),
          AdmittedLevel::Privileged);
}

}  // namespace

std::string_view to_string(AdmittedLevel level) {
  switch (level) {
    case AdmittedLevel::Restricted:
      return "restricted";
    case AdmittedLevel::Baseline:
      return "baseline";
    case AdmittedLevel::Privileged:
      break;
  }
  return "privileged";
}

std::vector<PermissiveSetting> permissive_settings(const PodSecurityPolicy& psp) {
  Collector out;
  if (psp.privileged.is(true)) {
    out.add(psp.privileged.position, "spec.privileged", "", AdmittedLevel::Privileged, true);
  }
  for (const auto& [field, key] : {std::pair{&psp.host_network, "hostNetwork"},
                                   {&psp.host_pid, "hostPID"},
                                   {&psp.host_ipc, "hostIPC"}}) {
    if (field->is(true)) {
      out.add(field->position, fmt::format("spec.{}", key), "", AdmittedLevel::Privileged, true);
    }
  }
  if (!psp.host_ports.empty()) {
    out.add(psp.host_ports_position, "spec.hostPorts",
            "hostPorts allows pods to bind ports on the node", AdmittedLevel::Privileged);
  }
  check_capabilities(psp.allowed_capabilities, "allowedCapabilities", out);
  check_capabilities(psp.default_add_capabilities, "defaultAddCapabilities", out);
  bool drops_all =
      std::any_of(psp.required_drop_capabilities.begin(), psp.required_drop_capabilities.end(),
                  [](const StringField& c) { return c.is("ALL"); });
  if (!drops_all) {
    Position position = psp.required_drop_capabilities_position.known()
                            ? psp.required_drop_capabilities_position
                            : psp.spec_position;
    out.add(position, "spec.requiredDropCapabilities",
            "requiredDropCapabilities does not include ALL", AdmittedLevel::Baseline);
  }
  check_volumes(psp, out);
  if (psp.run_as_user_rule.is("RunAsAny")) {
    out.add(psp.run_as_user_rule.position, "spec.runAsUser.rule", "", AdmittedLevel::Baseline,
            true);
  }
  if (psp.se_linux_rule.is("RunAsAny")) {
    out.add(psp.se_linux_rule.position, "spec.seLinux.rule",
            "seLinux rule RunAsAny admits any SELinux type, user and role",
            AdmittedLevel::Privileged);
  }
  if (!psp.allow_privilege_escalation.is(false)) {
    Position position = psp.allow_privilege_escalation.present()
                            ? psp.allow_privilege_escalation.position
                            : psp.spec_position;
    out.add(position, "spec.allowPrivilegeEscalation",
            "allowPrivilegeEscalation is not false (unset means true)", AdmittedLevel::Baseline);
  }
  for (size_t i = 0; i < psp.allowed_unsafe_sysctls.size(); ++i) {
    out.add(psp.allowed_unsafe_sysctls[i].position, fmt::format("spec.allowedUnsafeSysctls[{}]", i),
            fmt::format("allowedUnsafeSysctls allows {}",
                        psp.allowed_unsafe_sysctls[i].value.value_or("")),
            AdmittedLevel::Privileged);
  }
  for (const StringField& type : psp.allowed_proc_mount_types) {
    if (!type.is("Unmasked")) continue;
    out.add(type.position, "spec.allowedProcMountTypes", "allowedProcMountTypes allows Unmasked",
            AdmittedLevel::Privileged);
  }
  check_profile_annotation(psp, kSeccompAllowed, "the seccomp annotation", out);
  check_profile_annotation(psp, kAppArmorAllowed, "the AppArmor annotation", out);
  return out.settings;
}

AdmittedLevel admitted_level(const std::vector<PermissiveSetting>& settings) {
  AdmittedLevel level = AdmittedLevel::Restricted;
  for (const PermissiveSetting& setting : settings) level = std::max(level, setting.admits);
  return level;
}

}  // namespace kube_harden
