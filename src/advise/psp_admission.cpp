// PodSecurityPolicy admission (policy/v1beta1, as served up to Kubernetes
// v1.24) evaluated statically, after kubernetes/pkg/security/podsecuritypolicy.
#include <fmt/format.h>

#include <algorithm>

#include "advise/pod_privileges.h"
#include "advise/psp_annotations.h"
#include "rules/pod_helpers.h"

namespace kube_harden {
namespace {

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool in_ranges(int64_t value, const std::vector<IdRange>& ranges) {
  return std::any_of(ranges.begin(), ranges.end(), [&](const IdRange& range) {
    return range.min <= value && value <= range.max;
  });
}

// "name" matches itself, "prefix*" every name starting with prefix.
bool matches_pattern(std::string_view name, std::string_view pattern) {
  if (pattern.ends_with('*')) return name.starts_with(pattern.substr(0, pattern.size() - 1));
  return name == pattern;
}

std::string trim_trailing_slashes(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

// Prefix match on whole path segments: /foo allows /foo/bar, not /foobar.
bool has_path_prefix(const std::string& path, const std::string& prefix) {
  std::string clean_path = trim_trailing_slashes(path);
  std::string clean_prefix = trim_trailing_slashes(prefix);
  if (!clean_path.starts_with(clean_prefix)) return false;
  return clean_path.size() == clean_prefix.size() || clean_prefix == "/" ||
         clean_path[clean_prefix.size()] == '/';
}

struct HostPathVerdict {
  bool allowed = false;
  bool must_be_read_only = false;
};

HostPathVerdict check_host_path(const PspSpec& psp, const std::string& path) {
  if (psp.allowed_host_paths.empty()) return {true, false};
  HostPathVerdict verdict;
  for (const HostPathAllowance& allowance : psp.allowed_host_paths) {
    if (!has_path_prefix(path, allowance.path_prefix)) continue;
    if (!allowance.read_only) return {true, false};
    verdict = {true, true};
  }
  return verdict;
}

class Admission {
 public:
  Admission(const Workload& workload, const PspSpec& psp) : workload_(workload), psp_(psp) {}

  std::vector<std::string> refusals(bool token_mounted) {
    check_pod(token_mounted);
    for (const Container& container : workload_.pod.containers) check_container(container);
    return std::move(refusals_);
  }

 private:
  template <class... Args>
  void refuse(fmt::format_string<Args...> format, Args&&... args) {
    refusals_.push_back(fmt::format(format, std::forward<Args>(args)...));
  }

  void check_pod(bool token_mounted) {
    const PodSpec& pod = workload_.pod;
    if (pod.host_network.is(true) && !psp_.host_network) refuse("hostNetwork is not allowed");
    if (pod.host_pid.is(true) && !psp_.host_pid) refuse("hostPID is not allowed");
    if (pod.host_ipc.is(true) && !psp_.host_ipc) refuse("hostIPC is not allowed");
    if (!contains(psp_.volumes, "*")) {
      for (const std::string& type : pod_volume_types(pod, token_mounted)) {
        if (!contains(psp_.volumes, type)) refuse("volume type {} is not allowed", type);
      }
    }
    for (const Volume& volume : pod.volumes) {
      if (!volume.host_path.value) continue;
      HostPathVerdict verdict = check_host_path(psp_, *volume.host_path.value);
      if (!verdict.allowed) {
        refuse("host path {} is not allowed", *volume.host_path.value);
      } else if (verdict.must_be_read_only && !mounted_read_only(pod, volume)) {
        refuse("host path {} must be mounted read-only", *volume.host_path.value);
      }
    }
    const auto& context = pod.security_context;
    if (context) {
      check_group("fsGroup", context->fs_group.value, psp_.fs_group);
      std::optional<SeLinuxValues> pod_se_linux = se_linux_of(context);
      if (psp_.se_linux && pod_se_linux && pod_se_linux != psp_.se_linux) {
        refuse("pod seLinuxOptions differ from the policy's");
      }
      for (const Sysctl& sysctl : context->sysctls) {
        const std::string name = sysctl.name.value.value_or("");
        bool allowed =
            is_safe_sysctl(name) ||
            std::any_of(psp_.allowed_unsafe_sysctls.begin(), psp_.allowed_unsafe_sysctls.end(),
                        [&](const std::string& p) { return matches_pattern(name, p); });
        if (!allowed) refuse("sysctl {} is not allowed", name);
      }
    } else {
      check_group("fsGroup", std::nullopt, psp_.fs_group);
    }
    check_seccomp("pod", pod_seccomp_profile(workload_));
  }

  void check_group(std::string_view what, std::optional<int64_t> id, const IdStrategy& strategy) {
    if (strategy.rule == "MustRunAs" && !id) {
      refuse("{} must be set to one of the allowed ranges", what);
    } else if ((strategy.rule == "MustRunAs" || strategy.rule == "MayRunAs") && id &&
               !in_ranges(*id, strategy.ranges)) {
      refuse("{} {} is not in the allowed ranges", what, *id);
    }
  }

  void check_seccomp(const std::string& who, const std::string& profile) {
    auto it = psp_.annotations.find(std::string(kSeccompAllowedProfiles));
    std::vector<std::string> names =
        it == psp_.annotations.end() ? std::vector<std::string>{""} : split_profiles(it->second);
    bool ok = std::any_of(names.begin(), names.end(), [&](const std::string& name) {
      return name == "*" || name == profile ||
             (name.ends_with("/*") && profile.starts_with(name.substr(0, name.size() - 1)));
    });
    if (!ok) refuse("{}: seccomp profile \"{}\" is not allowed", who, profile);
  }

  void check_container(const Container& container) {
    const std::string who = describe(container);
    const PodSpec& pod = workload_.pod;
    if (container_flag(container, &SecurityContext::privileged) == true && !psp_.privileged) {
      refuse("{}: privileged is not allowed", who);
    }
    for (int64_t port : host_ports(pod, container)) {
      if (!in_ranges(port, psp_.host_ports)) refuse("{}: host port {} is not allowed", who, port);
    }
    if (!contains(psp_.allowed_capabilities, "*")) {
      for (const std::string& added : added_capabilities(container)) {
        if (!contains(psp_.allowed_capabilities, added)) {
          refuse("{}: capability {} may not be added", who, added);
        }
      }
      std::vector<std::string> dropped = dropped_capabilities(container);
      for (const std::string& required : psp_.required_drop_capabilities) {
        if (!contains(dropped, required)) refuse("{}: must drop capability {}", who, required);
      }
    }
    if (!psp_.allow_privilege_escalation &&
        container_flag(container, &SecurityContext::allow_privilege_escalation) != false) {
      refuse("{}: allowPrivilegeEscalation must be false", who);
    }
    if (psp_.read_only_root_filesystem &&
        container_flag(container, &SecurityContext::read_only_root_filesystem) != true) {
      refuse("{}: readOnlyRootFilesystem must be true", who);
    }
    check_user(who, container);
    if (psp_.run_as_group) {
      check_group(who + ": runAsGroup", effective_run_as_group(pod, container), *psp_.run_as_group);
    }
    if (psp_.se_linux && effective_se_linux(pod, container) != psp_.se_linux) {
      refuse("{}: seLinuxOptions must be those of the policy", who);
    }
    const std::string proc_mount = container.security_context
                                       ? container.security_context->proc_mount.value.value_or("")
                                       : std::string();
    if (!proc_mount.empty() && proc_mount != "Default" &&
        !contains(psp_.allowed_proc_mount_types, proc_mount)) {
      refuse("{}: procMount {} is not allowed", who, proc_mount);
    }
    check_seccomp(who, container_seccomp_profile(workload_, container));
    check_apparmor(who, apparmor_profile(workload_, container));
  }

  void check_user(const std::string& who, const Container& container) {
    std::optional<bool> non_root = effective_run_as_non_root(workload_.pod, container);
    std::optional<int64_t> user = effective_run_as_user(workload_.pod, container);
    const std::string& rule = psp_.run_as_user.rule;
    if (rule == "MustRunAsNonRoot") {
      if (!non_root && !user) {
        refuse("{}: runAsNonRoot must be true (or runAsUser non-zero)", who);
      } else if (non_root == false) {
        refuse("{}: runAsNonRoot must be true", who);
      } else if (user == 0) {
        refuse("{}: running with the root UID is forbidden", who);
      }
    } else if (rule == "MustRunAs") {
      if (!user) {
        refuse("{}: runAsUser must be set to one of the allowed ranges", who);
      } else if (!in_ranges(*user, psp_.run_as_user.ranges)) {
        refuse("{}: runAsUser {} is not in the allowed ranges", who, *user);
      }
    }
  }

  void check_apparmor(const std::string& who, const std::string& profile) {
    auto it = psp_.annotations.find(std::string(kAppArmorAllowedProfiles));
    if (it == psp_.annotations.end()) return;
    std::vector<std::string> names = split_profiles(it->second);
    if (profile.empty()) {
      refuse("{}: an AppArmor profile must be set", who);
    } else if (!contains(names, profile)) {
      refuse("{}: AppArmor profile {} is not allowed", who, profile);
    }
  }

  const Workload& workload_;
  const PspSpec& psp_;
  std::vector<std::string> refusals_;
};

}  // namespace

std::vector<std::string> psp_refusals(const Workload& workload, const PspSpec& psp,
                                      bool token_mounted) {
  return Admission(workload, psp).refusals(token_mounted);
}

}  // namespace kube_harden
