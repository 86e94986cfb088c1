#include "model/pod_spec_reader.h"

#include <fmt/format.h>

#include "model/field_readers.h"

namespace kube_harden {
namespace {

std::optional<SecurityContext> read_security_context(const YamlNode* parent,
                                                     const std::string& parent_path) {
  const YamlNode* node = child_map(parent, "securityContext");
  if (!node) return std::nullopt;
  SecurityContext context;
  context.position = key_position(parent, "securityContext");
  context.privileged = read_bool(node, "privileged");
  context.allow_privilege_escalation = read_bool(node, "allowPrivilegeEscalation");
  context.run_as_non_root = read_bool(node, "runAsNonRoot");
  context.read_only_root_filesystem = read_bool(node, "readOnlyRootFilesystem");
  context.run_as_user = read_int(node, "runAsUser");
  context.run_as_group = read_int(node, "runAsGroup");
  context.fs_group = read_int(node, "fsGroup");
  context.proc_mount = read_string(node, "procMount");
  if (const YamlNode* caps = child_map(node, "capabilities")) {
    context.capabilities = Capabilities{
        key_position(node, "capabilities"), key_position(caps, "add"), key_position(caps, "drop"),
        read_string_list(caps, "add"), read_string_list(caps, "drop")};
  }
  if (const YamlNode* seccomp = child_map(node, "seccompProfile")) {
    context.seccomp_profile =
        SeccompProfile{key_position(node, "seccompProfile"), read_string(seccomp, "type"),
                       read_string(seccomp, "localhostProfile")};
  }
  if (const YamlNode* selinux = child_map(node, "seLinuxOptions")) {
    context.se_linux_options = SELinuxOptions{
        key_position(node, "seLinuxOptions"), read_string(selinux, "user"),
        read_string(selinux, "role"), read_string(selinux, "type"), read_string(selinux, "level")};
  }
  if (const YamlNode* apparmor = child_map(node, "appArmorProfile")) {
    context.app_armor_profile =
        AppArmorProfile{key_position(node, "appArmorProfile"), read_string(apparmor, "type")};
  }
  if (const YamlNode* windows = child_map(node, "windowsOptions")) {
    context.windows_options =
        WindowsOptions{key_position(node, "windowsOptions"), read_bool(windows, "hostProcess")};
  }
  if (const YamlNode* sysctls = child_sequence(node, "sysctls")) {
    for (size_t i = 0; i < sysctls->items.size(); ++i) {
      const YamlNode* item = sysctls->items[i];
      context.sysctls.push_back(
          Sysctl{item->position, fmt::format("{}.securityContext.sysctls[{}]", parent_path, i),
                 read_string(item, "name"), read_string(item, "value")});
    }
  }
  return context;
}

// httpGet.host and tcpSocket.host of probes and lifecycle hooks.
void read_handler_hosts(const YamlNode* handler, const std::string& path,
                        std::vector<HandlerHost>& hosts) {
  for (std::string_view action : {"httpGet", "tcpSocket"}) {
    const YamlNode* node = child_map(handler, action);
    if (!node || !node->find("host")) continue;
    hosts.push_back(
        HandlerHost{fmt::format("{}.{}.host", path, action), read_string(node, "host")});
  }
}

Container read_container(const YamlNode* item, ContainerKind kind, std::string path) {
  Container container;
  container.kind = kind;
  container.path = std::move(path);
  StringField name = read_string(item, "name");
  container.name = name.value.value_or("");
  container.position = name.present() ? name.position : item->position;
  container.image = read_string(item, "image");
  container.security_context = read_security_context(item, container.path);
  // Models stay in memory for the whole run: lists get no spare capacity.
  if (const YamlNode* ports = child_sequence(item, "ports")) {
    container.ports.reserve(ports->items.size());
    for (const YamlNode* port : ports->items) {
      container.ports.push_back(
          ContainerPort{port->position, read_int(port, "containerPort"), read_int(port, "hostPort"),
                        read_string(port, "protocol"), read_string(port, "name")});
    }
  }
  if (const YamlNode* mounts = child_sequence(item, "volumeMounts")) {
    container.volume_mounts.reserve(mounts->items.size());
    for (const YamlNode* mount : mounts->items) {
      container.volume_mounts.push_back(VolumeMount{mount->position, read_string(mount, "name"),
                                                    read_string(mount, "mountPath"),
                                                    read_bool(mount, "readOnly")});
    }
  }
  if (const YamlNode* env = child_sequence(item, "env")) {
    container.env.reserve(env->items.size());
    for (size_t i = 0; i < env->items.size(); ++i) {
      const YamlNode* variable = env->items[i];
      container.env.push_back(EnvVar{variable->position, i, read_string(variable, "name"),
                                     read_string(variable, "value"),
                                     key_position(child_map(variable, "valueFrom"),
                                                  "secretKeyRef")});
    }
  }
  container.resources_position = key_position(item, "resources");
  container.limits = read_string_map(child_map(item, "resources"), "limits");
  for (std::string_view probe : {"livenessProbe", "readinessProbe", "startupProbe"}) {
    read_handler_hosts(child_map(item, probe), fmt::format("{}.{}", container.path, probe),
                       container.handler_hosts);
  }
  const YamlNode* lifecycle = child_map(item, "lifecycle");
  for (std::string_view hook : {"postStart", "preStop"}) {
    read_handler_hosts(child_map(lifecycle, hook),
                       fmt::format("{}.lifecycle.{}", container.path, hook),
                       container.handler_hosts);
  }
  return container;
}

void read_containers(const YamlNode* spec, std::string_view key, ContainerKind kind,
                     const std::string& spec_path, std::vector<Container>& containers) {
  const YamlNode* list = child_sequence(spec, key);
  if (!list) return;
  for (size_t i = 0; i < list->items.size(); ++i) {
    const YamlNode* item = list->items[i];
    if (!item->is_map()) continue;
    containers.push_back(read_container(item, kind, fmt::format("{}.{}[{}]", spec_path, key, i)));
  }
}

Volume read_volume(const YamlNode* item, std::string path) {
  Volume volume;
  volume.path = std::move(path);
  StringField name = read_string(item, "name");
  volume.name = name.value.value_or("");
  volume.position = name.present() ? name.position : item->position;
  volume.sources.reserve(item->entries.size());
  for (const YamlEntry& entry : item->entries) {
    if (!entry.key->is_scalar() || entry.key->scalar == "name" || entry.value->is_null()) continue;
    volume.sources.push_back(KeyValue{entry.key->scalar, "", entry.key->position});
  }
  volume.host_path = read_string(child_map(item, "hostPath"), "path");
  return volume;
}

}  // namespace

PodSpec read_pod_spec(const YamlNode* spec, Position spec_position, std::string path) {
  PodSpec pod;
  pod.position = spec_position;
  pod.path = std::move(path);
  pod.host_network = read_bool(spec, "hostNetwork");
  pod.host_pid = read_bool(spec, "hostPID");
  pod.host_ipc = read_bool(spec, "hostIPC");
  pod.host_users = read_bool(spec, "hostUsers");
  pod.automount_service_account_token = read_bool(spec, "automountServiceAccountToken");
  pod.service_account_name = read_string(spec, "serviceAccountName");
  pod.service_account = read_string(spec, "serviceAccount");
  pod.os_name = read_string(child_map(spec, "os"), "name");
  pod.security_context = read_security_context(spec, pod.path);
  size_t containers = 0;
  for (std::string_view key : {"initContainers", "containers", "ephemeralContainers"}) {
    if (const YamlNode* list = child_sequence(spec, key)) containers += list->items.size();
  }
  pod.containers.reserve(containers);
  read_containers(spec, "initContainers", ContainerKind::Init, pod.path, pod.containers);
  read_containers(spec, "containers", ContainerKind::Regular, pod.path, pod.containers);
  read_containers(spec, "ephemeralContainers", ContainerKind::Ephemeral, pod.path, pod.containers);
  if (const YamlNode* volumes = child_sequence(spec, "volumes")) {
    pod.volumes.reserve(volumes->items.size());
    for (size_t i = 0; i < volumes->items.size(); ++i) {
      if (!volumes->items[i]->is_map()) continue;
      pod.volumes.push_back(
          read_volume(volumes->items[i], fmt::format("{}.volumes[{}]", pod.path, i)));
    }
  }
  return pod;
}

}  // namespace kube_harden
