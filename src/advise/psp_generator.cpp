// The least-privilege PodSecurityPolicy for a set of workloads: each field is
// the union (or, for restrictions, the intersection) of what they use. Unlike
// kube-psp-advisor, container settings fall back to the pod's, hostPort 0 is
// no port, and a host path is read-only only if every mount of it is.
#include <algorithm>
#include <map>
#include <set>

#include "advise/pod_privileges.h"
#include "advise/psp_annotations.h"
#include "rules/pod_helpers.h"
#include "rules/service_accounts.h"

namespace kube_harden {
namespace {

// Distinct ids merged into contiguous inclusive ranges.
std::vector<IdRange> to_ranges(const std::set<int64_t>& ids) {
  std::vector<IdRange> ranges;
  for (int64_t id : ids) {
    if (!ranges.empty() && ranges.back().max + 1 == id) {
      ranges.back().max = id;
    } else {
      ranges.push_back({id, id});
    }
  }
  return ranges;
}

// MustRunAs when every subject sets an id, MayRunAs when some do, else RunAsAny.
IdStrategy group_strategy(const std::set<int64_t>& ids, bool every_subject_sets_one) {
  if (ids.empty()) return IdStrategy{};
  return IdStrategy{every_subject_sets_one ? "MustRunAs" : "MayRunAs", to_ranges(ids)};
}

bool passes_non_root(std::optional<bool> non_root, std::optional<int64_t> user) {
  return (non_root || user) && non_root != false && user != 0;
}

// Collects what the workloads use, container by container.
struct Union {
  std::set<int64_t> ports, users, groups, fs_groups;
  std::set<std::string> added, volumes, unsafe_sysctls, proc_mounts, seccomp, apparmor;
  std::optional<std::set<std::string>> dropped_by_all;
  std::map<std::string, bool> host_paths;  // path -> read-only everywhere
  std::set<std::optional<SeLinuxValues>> se_linux;
  bool every_user_set = true, every_non_root = true, every_group_set = true;
  bool every_fs_group_set = true, every_no_escalation = true, every_read_only_root = true;
  bool every_apparmor_set = true;
  bool privileged = false, host_network = false, host_pid = false, host_ipc = false;

  void add_pod(const Workload& workload, bool token_mounted) {
    const PodSpec& pod = workload.pod;
    host_network |= pod.host_network.is(true);
    host_pid |= pod.host_pid.is(true);
    host_ipc |= pod.host_ipc.is(true);
    for (const std::string& type : pod_volume_types(pod, token_mounted)) volumes.insert(type);
    for (const Volume& volume : pod.volumes) {
      if (!volume.host_path.value) continue;
      auto [entry, inserted] = host_paths.emplace(*volume.host_path.value, true);
      entry->second = entry->second && mounted_read_only(pod, volume);
    }
    const auto& context = pod.security_context;
    if (context && context->fs_group.value) {
      fs_groups.insert(*context->fs_group.value);
    } else {
      every_fs_group_set = false;
    }
    if (context) {
      for (const Sysctl& sysctl : context->sysctls) {
        const std::string name = sysctl.name.value.value_or("");
        if (!is_safe_sysctl(name)) unsafe_sysctls.insert(name);
      }
      if (std::optional<SeLinuxValues> own = se_linux_of(context)) se_linux.insert(own);
    }
    seccomp.insert(pod_seccomp_profile(workload));
    for (const Container& container : pod.containers) add_container(workload, container);
  }

  void add_container(const Workload& workload, const Container& container) {
    const PodSpec& pod = workload.pod;
    privileged |= container_flag(container, &SecurityContext::privileged) == true;
    for (int64_t port : host_ports(pod, container)) ports.insert(port);
    for (const std::string& capability : added_capabilities(container)) added.insert(capability);
    std::vector<std::string> dropped = dropped_capabilities(container);
    std::set<std::string> dropped_set(dropped.begin(), dropped.end());
    if (!dropped_by_all) {
      dropped_by_all = dropped_set;
    } else {
      std::erase_if(*dropped_by_all, [&](const std::string& c) { return !dropped_set.count(c); });
    }
    std::optional<int64_t> user = effective_run_as_user(pod, container);
    if (user) users.insert(*user);
    every_user_set &= user.has_value();
    every_non_root &= passes_non_root(effective_run_as_non_root(pod, container), user);
    std::optional<int64_t> group = effective_run_as_group(pod, container);
    if (group) groups.insert(*group);
    every_group_set &= group.has_value();
    every_no_escalation &=
        container_flag(container, &SecurityContext::allow_privilege_escalation) == false;
    every_read_only_root &=
        container_flag(container, &SecurityContext::read_only_root_filesystem) == true;
    se_linux.insert(effective_se_linux(pod, container));
    if (container.security_context) {
      const std::string proc_mount = container.security_context->proc_mount.value.value_or("");
      if (!proc_mount.empty() && proc_mount != "Default") proc_mounts.insert(proc_mount);
    }
    seccomp.insert(container_seccomp_profile(workload, container));
    std::string apparmor_name = apparmor_profile(workload, container);
    if (apparmor_name.empty()) every_apparmor_set = false;
    apparmor.insert(apparmor_name);
  }
};

IdStrategy user_strategy(const Union& used) {
  if (used.every_user_set && !used.users.empty()) {
    return IdStrategy{"MustRunAs", to_ranges(used.users)};
  }
  if (used.every_non_root) return IdStrategy{"MustRunAsNonRoot", {}};
  return IdStrategy{};
}

}  // namespace

PspSpec generate_psp(const std::vector<const Workload*>& workloads, const ManifestIndex& index,
                     const RuleOptions& options, std::string name) {
  Union used;
  for (const Workload* workload : workloads) {
    used.add_pod(*workload, resolve_token_mount(*workload, index, options).mounted);
  }
  PspSpec psp;
  psp.name = std::move(name);
  psp.privileged = used.privileged;
  psp.host_network = used.host_network;
  psp.host_pid = used.host_pid;
  psp.host_ipc = used.host_ipc;
  psp.host_ports = to_ranges(used.ports);
  psp.allowed_capabilities.assign(used.added.begin(), used.added.end());
  // A capability both required-dropped and allowed is an invalid PSP.
  for (const std::string& capability : used.dropped_by_all.value_or(std::set<std::string>{})) {
    if (!used.added.count(capability)) psp.required_drop_capabilities.push_back(capability);
  }
  psp.volumes.assign(used.volumes.begin(), used.volumes.end());
  for (const auto& [path, read_only] : used.host_paths) {
    psp.allowed_host_paths.push_back({path, read_only});
  }
  psp.allow_privilege_escalation = !used.every_no_escalation;
  psp.read_only_root_filesystem = used.every_read_only_root;
  psp.run_as_user = user_strategy(used);
  if (!used.groups.empty()) psp.run_as_group = group_strategy(used.groups, used.every_group_set);
  psp.fs_group = group_strategy(used.fs_groups, used.every_fs_group_set);
  // One SELinux context shared by every container (and the pods that set one).
  if (used.se_linux.size() == 1 && *used.se_linux.begin()) psp.se_linux = *used.se_linux.begin();
  psp.allowed_unsafe_sysctls.assign(used.unsafe_sysctls.begin(), used.unsafe_sysctls.end());
  psp.allowed_proc_mount_types.assign(used.proc_mounts.begin(), used.proc_mounts.end());
  if (used.seccomp != std::set<std::string>{""} && !used.seccomp.empty()) {
    psp.annotations[std::string(kSeccompAllowedProfiles)] =
        join_profiles({used.seccomp.begin(), used.seccomp.end()});
  }
  if (used.every_apparmor_set && !used.apparmor.empty()) {
    psp.annotations[std::string(kAppArmorAllowedProfiles)] =
        join_profiles({used.apparmor.begin(), used.apparmor.end()});
  }
  return psp;
}

}  // namespace kube_harden
