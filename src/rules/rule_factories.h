#pragma once

#include <memory>

#include "kube_harden/rule.h"

namespace kube_harden {

// One factory per built-in rule; registry.cpp lists them all.
std::unique_ptr<Rule> make_apparmor_unconfined_rule();
std::unique_ptr<Rule> make_capabilities_added_restricted_rule();
std::unique_ptr<Rule> make_capabilities_added_rule();
std::unique_ptr<Rule> make_capabilities_not_dropped_rule();
std::unique_ptr<Rule> make_default_service_account_token_rule();
std::unique_ptr<Rule> make_deprecated_service_account_field_rule();
std::unique_ptr<Rule> make_duplicate_key_rule();
std::unique_ptr<Rule> make_duplicate_security_key_rule();
std::unique_ptr<Rule> make_host_namespaces_rule();
std::unique_ptr<Rule> make_host_path_volume_rule();
std::unique_ptr<Rule> make_host_ports_rule();
std::unique_ptr<Rule> make_image_digest_missing_rule();
std::unique_ptr<Rule> make_image_registry_not_allowed_rule();
std::unique_ptr<Rule> make_image_tag_mutable_rule();
std::unique_ptr<Rule> make_invalid_field_type_rule();
std::unique_ptr<Rule> make_namespace_without_network_policy_rule();
std::unique_ptr<Rule> make_network_policy_allows_all_rule();
std::unique_ptr<Rule> make_network_policy_end_port_equals_port_rule();
std::unique_ptr<Rule> make_network_policy_end_port_invalid_rule();
std::unique_ptr<Rule> make_network_policy_end_port_unsupported_rule();
std::unique_ptr<Rule> make_network_policy_end_port_wide_range_rule();
std::unique_ptr<Rule> make_network_policy_selects_nothing_rule();
std::unique_ptr<Rule> make_non_root_not_enforced_rule();
std::unique_ptr<Rule> make_privilege_escalation_allowed_rule();
std::unique_ptr<Rule> make_privileged_container_rule();
std::unique_ptr<Rule> make_privileged_port_without_sysctl_rule();
std::unique_ptr<Rule> make_probe_host_set_rule();
std::unique_ptr<Rule> make_proc_mount_unmasked_restricted_rule();
std::unique_ptr<Rule> make_proc_mount_unmasked_rule();
std::unique_ptr<Rule> make_psp_all_capabilities_rule();
std::unique_ptr<Rule> make_psp_all_volumes_rule();
std::unique_ptr<Rule> make_psp_effective_level_rule();
std::unique_ptr<Rule> make_psp_host_namespaces_rule();
std::unique_ptr<Rule> make_psp_permissive_setting_rule();
std::unique_ptr<Rule> make_psp_privileged_rule();
std::unique_ptr<Rule> make_psp_run_as_any_user_rule();
std::unique_ptr<Rule> make_rbac_anonymous_binding_rule();
std::unique_ptr<Rule> make_rbac_cluster_admin_binding_rule();
std::unique_ptr<Rule> make_rbac_default_service_account_binding_rule();
std::unique_ptr<Rule> make_rbac_escalation_verbs_rule();
std::unique_ptr<Rule> make_rbac_pod_exec_rule();
std::unique_ptr<Rule> make_rbac_secrets_access_rule();
std::unique_ptr<Rule> make_rbac_wildcard_rule();
std::unique_ptr<Rule> make_read_only_root_filesystem_rule();
std::unique_ptr<Rule> make_resource_limits_missing_rule();
std::unique_ptr<Rule> make_run_as_root_group_rule();
std::unique_ptr<Rule> make_run_as_root_user_rule();
std::unique_ptr<Rule> make_seccomp_profile_missing_rule();
std::unique_ptr<Rule> make_seccomp_unconfined_rule();
std::unique_ptr<Rule> make_secret_env_reference_rule();
std::unique_ptr<Rule> make_secret_in_env_rule();
std::unique_ptr<Rule> make_selinux_options_not_allowed_rule();
std::unique_ptr<Rule> make_sensitive_host_path_rule();
std::unique_ptr<Rule> make_service_account_automount_enabled_rule();
std::unique_ptr<Rule> make_service_account_not_found_rule();
std::unique_ptr<Rule> make_service_account_token_mounted_rule();
std::unique_ptr<Rule> make_service_account_token_privileged_rule();
std::unique_ptr<Rule> make_unprivileged_port_sysctl_host_network_rule();
std::unique_ptr<Rule> make_unsafe_sysctl_rule();
std::unique_ptr<Rule> make_volume_type_not_allowed_rule();
std::unique_ptr<Rule> make_windows_host_process_rule();
std::unique_ptr<Rule> make_workload_not_covered_by_network_policy_rule();
std::unique_ptr<Rule> make_writable_host_path_rule();

}  // namespace kube_harden
