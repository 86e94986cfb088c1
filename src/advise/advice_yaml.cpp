// `advise --format yaml`: Kubernetes objects only, ready for kubectl apply.
#include "advise/advice_objects.h"

namespace kube_harden {
namespace {

constexpr const char* kRbacGroup = "rbac.authorization.k8s.io";

YamlValue object(const std::string& api_version, const std::string& kind, YamlValue metadata) {
  YamlValue value = YamlValue::map();
  value.set("apiVersion", YamlValue::string(api_version))
      .set("kind", YamlValue::string(kind))
      .set("metadata", std::move(metadata));
  return value;
}

YamlValue metadata(const std::string& name, const std::string& namespace_name = {}) {
  YamlValue value = YamlValue::map();
  value.set("name", YamlValue::string(name));
  if (!namespace_name.empty()) value.set("namespace", YamlValue::string(namespace_name));
  return value;
}

YamlValue namespace_object(const NamespaceAdvice& space) {
  YamlValue labels = YamlValue::map();
  for (const auto& [key, value] : space.labels) labels.set(key, YamlValue::string(value));
  YamlValue meta = metadata(space.name);
  meta.set("labels", std::move(labels));
  return object("v1", "Namespace", std::move(meta));
}

YamlValue ranges(const std::vector<IdRange>& ranges) {
  YamlValue list = YamlValue::list();
  for (const IdRange& range : ranges) {
    YamlValue item = YamlValue::map();
    item.set("max", YamlValue::integer(range.max)).set("min", YamlValue::integer(range.min));
    list.append(std::move(item));
  }
  return list;
}

YamlValue strategy(const IdStrategy& id_strategy) {
  YamlValue value = YamlValue::map();
  value.set("rule", YamlValue::string(id_strategy.rule));
  if (!id_strategy.ranges.empty()) value.set("ranges", ranges(id_strategy.ranges));
  return value;
}

YamlValue se_linux(const std::optional<SeLinuxValues>& options) {
  YamlValue value = YamlValue::map();
  if (!options) return value.set("rule", YamlValue::string("RunAsAny"));
  YamlValue fields = YamlValue::map();
  for (auto [key, text] : {std::pair{"level", &options->level}, std::pair{"role", &options->role},
                           std::pair{"type", &options->type}, std::pair{"user", &options->user}}) {
    if (!text->empty()) fields.set(key, YamlValue::string(*text));
  }
  return value.set("rule", YamlValue::string("MustRunAs")).set("seLinuxOptions", std::move(fields));
}

// Sets a list field only when it has entries; `volumes` is always written,
// since there an empty list means "no volumes" rather than "unrestricted".
void set_list(YamlValue& spec, const std::string& key, const std::vector<std::string>& values) {
  if (!values.empty()) spec.set(key, YamlValue::strings(values));
}

}  // namespace

YamlValue psp_object(const PspSpec& psp) {
  YamlValue meta = metadata(psp.name);
  if (!psp.annotations.empty()) {
    YamlValue annotations = YamlValue::map();
    for (const auto& [key, value] : psp.annotations) annotations.set(key, YamlValue::string(value));
    meta.set("annotations", std::move(annotations));
  }
  YamlValue spec = YamlValue::map();
  spec.set("privileged", YamlValue::boolean(psp.privileged))
      .set("hostNetwork", YamlValue::boolean(psp.host_network))
      .set("hostPID", YamlValue::boolean(psp.host_pid))
      .set("hostIPC", YamlValue::boolean(psp.host_ipc))
      .set("allowPrivilegeEscalation", YamlValue::boolean(psp.allow_privilege_escalation))
      .set("readOnlyRootFilesystem", YamlValue::boolean(psp.read_only_root_filesystem))
      .set("runAsUser", strategy(psp.run_as_user))
      .set("supplementalGroups", strategy(psp.supplemental_groups))
      .set("fsGroup", strategy(psp.fs_group))
      .set("seLinux", se_linux(psp.se_linux))
      .set("volumes", YamlValue::strings(psp.volumes));
  if (psp.run_as_group) spec.set("runAsGroup", strategy(*psp.run_as_group));
  if (!psp.host_ports.empty()) spec.set("hostPorts", ranges(psp.host_ports));
  set_list(spec, "allowedCapabilities", psp.allowed_capabilities);
  set_list(spec, "requiredDropCapabilities", psp.required_drop_capabilities);
  set_list(spec, "allowedUnsafeSysctls", psp.allowed_unsafe_sysctls);
  set_list(spec, "allowedProcMountTypes", psp.allowed_proc_mount_types);
  if (!psp.allowed_host_paths.empty()) {
    YamlValue paths = YamlValue::list();
    for (const HostPathAllowance& path : psp.allowed_host_paths) {
      YamlValue item = YamlValue::map();
      item.set("pathPrefix", YamlValue::string(path.path_prefix))
          .set("readOnly", YamlValue::boolean(path.read_only));
      paths.append(std::move(item));
    }
    spec.set("allowedHostPaths", std::move(paths));
  }
  YamlValue value = object("policy/v1beta1", "PodSecurityPolicy", std::move(meta));
  value.set("spec", std::move(spec));
  return value;
}

namespace {

YamlValue use_rule(const std::string& psp_name) {
  YamlValue rule = YamlValue::map();
  rule.set("apiGroups", YamlValue::strings({"policy"}))
      .set("resourceNames", YamlValue::strings({psp_name}))
      .set("resources", YamlValue::strings({"podsecuritypolicies"}))
      .set("verbs", YamlValue::strings({"use"}));
  YamlValue rules = YamlValue::list();
  rules.append(std::move(rule));
  return rules;
}

YamlValue role_binding(const PspAdvice& advice, const std::string& space,
                       const std::string& role_kind) {
  const std::string name = "use-" + advice.psp.name;
  YamlValue role_ref = YamlValue::map();
  role_ref.set("apiGroup", YamlValue::string(kRbacGroup))
      .set("kind", YamlValue::string(role_kind))
      .set("name", YamlValue::string(name));
  YamlValue subjects = YamlValue::list();
  for (const AccountRef& account : advice.accounts) {
    if (account.namespace_name != space) continue;
    YamlValue subject = YamlValue::map();
    subject.set("kind", YamlValue::string("ServiceAccount"))
        .set("name", YamlValue::string(account.name))
        .set("namespace", YamlValue::string(account.namespace_name));
    subjects.append(std::move(subject));
  }
  YamlValue binding = object(std::string(kRbacGroup) + "/v1", "RoleBinding", metadata(name, space));
  return binding.set("roleRef", std::move(role_ref)).set("subjects", std::move(subjects));
}

void write_psp_objects(std::ostream& out, const PspAdvice& advice) {
  psp_object(advice.psp).write_document(out);
  const std::string name = "use-" + advice.psp.name;
  const std::string role_kind = advice.scope.empty() ? "ClusterRole" : "Role";
  YamlValue role = object(std::string(kRbacGroup) + "/v1", role_kind, metadata(name, advice.scope));
  role.set("rules", use_rule(advice.psp.name)).write_document(out);
  for (const std::string& space : advice.namespaces) {
    role_binding(advice, space, role_kind).write_document(out);
  }
}

}  // namespace

void write_advice_yaml(std::ostream& out, const Advice& advice) {
  for (const NamespaceAdvice& space : advice.namespaces)
    namespace_object(space).write_document(out);
  for (const PspAdvice& psp : advice.psps.value_or(std::vector<PspAdvice>{})) {
    write_psp_objects(out, psp);
  }
}

}  // namespace kube_harden
