#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kube_harden {

// The default of -j/--jobs: the processors this process may run on (its
// affinity mask, as `nproc` counts them), lowered to the CPU limit of its
// cgroup (a container's `--cpus`, a Kubernetes pod's CPU limit) rounded up.
// A CI runner in a 2-CPU pod on a 64-core node would otherwise start 64
// threads and spend most of its quota being throttled. At least 1.
unsigned available_cpus();

// The pieces, apart so that tests can give them other files.

// A mounted cgroup hierarchy that controls CPU bandwidth.
struct CgroupMount {
  int version = 2;   // 1: the v1 hierarchy with the cpu controller
  std::string root;  // the cgroup mounted there (mountinfo's 4th field)
  std::filesystem::path mount_point;
};

// From /proc/self/mountinfo: the v1 hierarchy of the cpu controller when
// there is one (a controller serves one hierarchy only), else the cgroup2 mount.
std::optional<CgroupMount> cpu_cgroup_mount(std::string_view mountinfo);

// From /proc/self/cgroup: the process's cgroup in the hierarchy of `version`.
std::optional<std::string> process_cgroup(std::string_view proc_cgroup, int version);

// One cgroup's limit in CPUs, from cgroup v2's cpu.max ("max 100000" is no
// limit, "150000 100000" is 1.5), or v1's cpu.cfs_quota_us and
// cpu.cfs_period_us (a quota of -1 is no limit).
std::optional<double> cpu_max_limit(std::string_view cpu_max);
std::optional<double> cfs_limit(std::string_view quota, std::string_view period);

// The tightest limit from the process's cgroup up to the root of the mount:
// the kernel enforces every ancestor's limit too.
std::optional<double> cgroup_cpu_limit(const CgroupMount& mount, const std::string& cgroup);

}  // namespace kube_harden
