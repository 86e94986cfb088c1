#include "rules/duplicate_keys.h"

#include <algorithm>
#include <array>

namespace kube_harden {

bool is_security_relevant_key(std::string_view key) {
  static constexpr std::array<std::string_view, 44> kKeys = {"add",
                                                             "allowPrivilegeEscalation",
                                                             "allowedCapabilities",
                                                             "annotations",
                                                             "apiGroups",
                                                             "appArmorProfile",
                                                             "automountServiceAccountToken",
                                                             "capabilities",
                                                             "containers",
                                                             "defaultAddCapabilities",
                                                             "drop",
                                                             "endPort",
                                                             "ephemeralContainers",
                                                             "hostIPC",
                                                             "hostNetwork",
                                                             "hostPID",
                                                             "hostPath",
                                                             "hostPort",
                                                             "hostProcess",
                                                             "hostUsers",
                                                             "initContainers",
                                                             "labels",
                                                             "namespace",
                                                             "port",
                                                             "privileged",
                                                             "procMount",
                                                             "readOnlyRootFilesystem",
                                                             "resources",
                                                             "roleRef",
                                                             "rule",
                                                             "rules",
                                                             "runAsGroup",
                                                             "runAsNonRoot",
                                                             "runAsUser",
                                                             "seLinuxOptions",
                                                             "seccompProfile",
                                                             "securityContext",
                                                             "serviceAccount",
                                                             "serviceAccountName",
                                                             "subjects",
                                                             "sysctls",
                                                             "type",
                                                             "verbs",
                                                             "volumes"};
  return std::find(kKeys.begin(), kKeys.end(), key) != kKeys.end();
}

}  // namespace kube_harden
