#include "engine/rule_registry.h"
#include "rules/rule_factories.h"

namespace kube_harden {

const std::vector<std::unique_ptr<Rule>>& builtin_rules() {
  static const std::vector<std::unique_ptr<Rule>> rules = [] {
    std::vector<std::unique_ptr<Rule>> all;
    all.push_back(make_apparmor_unconfined_rule());
    all.push_back(make_capabilities_added_restricted_rule());
    all.push_back(make_capabilities_added_rule());
    all.push_back(make_capabilities_not_dropped_rule());
    all.push_back(make_default_service_account_token_rule());
    all.push_back(make_deprecated_service_account_field_rule());
    all.push_back(make_duplicate_key_rule());
    all.push_back(make_duplicate_security_key_rule());
    all.push_back(make_host_namespaces_rule());
    all.push_back(make_host_path_volume_rule());
    all.push_back(make_host_ports_rule());
    all.push_back(make_image_digest_missing_rule());
    all.push_back(make_image_registry_not_allowed_rule());
    all.push_back(make_image_tag_mutable_rule());
    all.push_back(make_invalid_field_type_rule());
    all.push_back(make_namespace_without_network_policy_rule());
    all.push_back(make_network_policy_allows_all_rule());
    all.push_back(make_network_policy_end_port_equals_port_rule());
    all.push_back(make_network_policy_end_port_invalid_rule());
    all.push_back(make_network_policy_end_port_unsupported_rule());
    all.push_back(make_network_policy_end_port_wide_range_rule());
    all.push_back(make_network_policy_selects_nothing_rule());
    all.push_back(make_non_root_not_enforced_rule());
    all.push_back(make_privilege_escalation_allowed_rule());
    all.push_back(make_privileged_container_rule());
    all.push_back(make_privileged_port_without_sysctl_rule());
    all.push_back(make_probe_host_set_rule());
    all.push_back(make_proc_mount_unmasked_restricted_rule());
    all.push_back(make_proc_mount_unmasked_rule());
    all.push_back(make_psp_all_capabilities_rule());
    all.push_back(make_psp_all_volumes_rule());
    all.push_back(make_psp_effective_level_rule());
    all.push_back(make_psp_host_namespaces_rule());
    all.push_back(make_psp_permissive_setting_rule());
    all.push_back(make_psp_privileged_rule());
    all.push_back(make_psp_run_as_any_user_rule());
    all.push_back(make_rbac_anonymous_binding_rule());
    all.push_back(make_rbac_cluster_admin_binding_rule());
    all.push_back(make_rbac_default_service_account_binding_rule());
    all.push_back(make_rbac_escalation_verbs_rule());
    all.push_back(make_rbac_pod_exec_rule());
    all.push_back(make_rbac_secrets_access_rule());
    all.push_back(make_rbac_wildcard_rule());
    all.push_back(make_read_only_root_filesystem_rule());
    all.push_back(make_resource_limits_missing_rule());
    all.push_back(make_run_as_root_group_rule());
    all.push_back(make_run_as_root_user_rule());
    all.push_back(make_seccomp_profile_missing_rule());
    all.push_back(make_seccomp_unconfined_rule());
    all.push_back(make_secret_env_reference_rule());
    all.push_back(make_secret_in_env_rule());
    all.push_back(make_selinux_options_not_allowed_rule());
    all.push_back(make_sensitive_host_path_rule());
    all.push_back(make_service_account_automount_enabled_rule());
    all.push_back(make_service_account_not_found_rule());
    all.push_back(make_service_account_token_mounted_rule());
    all.push_back(make_service_account_token_privileged_rule());
    all.push_back(make_unprivileged_port_sysctl_host_network_rule());
    all.push_back(make_unsafe_sysctl_rule());
    all.push_back(make_volume_type_not_allowed_rule());
    all.push_back(make_windows_host_process_rule());
    all.push_back(make_workload_not_covered_by_network_policy_rule());
    all.push_back(make_writable_host_path_rule());
    return all;
  }();
  return rules;
}

}  // namespace kube_harden
