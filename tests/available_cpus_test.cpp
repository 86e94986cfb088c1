// The default of --jobs: affinity, lowered to the cgroup's CPU limit.
#include "engine/available_cpus.h"

#include <gtest/gtest.h>

#include <fstream>

#include "process_runner.h"
#include "scratch_dir.h"

namespace kube_harden {
namespace {

namespace fs = std::filesystem;

const char* kHybridMountinfo =
    "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n"
    "32 31 0:29 / /sys/fs/cgroup/unified rw,nosuid shared:9 - cgroup2 cgroup2 rw\n"
    "33 31 0:30 / /sys/fs/cgroup/cpu,cpuacct rw,relatime shared:10 - cgroup cgroup "
    "rw,cpu,cpuacct\n"
    "34 31 0:31 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset\n";

TEST(AvailableCpus, TheCpuControllersHierarchyIsFound) {
  std::optional<CgroupMount> hybrid = cpu_cgroup_mount(kHybridMountinfo);
  ASSERT_TRUE(hybrid);
  EXPECT_EQ(hybrid->version, 1);  // the v1 hierarchy holds the cpu controller, not cgroup2
  EXPECT_EQ(hybrid->mount_point, "/sys/fs/cgroup/cpu,cpuacct");
  EXPECT_EQ(hybrid->root, "/");

  std::optional<CgroupMount> v2 = cpu_cgroup_mount(
      "25 1 0:23 / /proc rw - proc proc rw\n"
      "30 25 0:26 /kubepods/pod1 /sys/fs/cgroup ro,nosuid - cgroup2 cgroup2 rw,nsdelegate\n");
  ASSERT_TRUE(v2);
  EXPECT_EQ(v2->version, 2);
  EXPECT_EQ(v2->mount_point, "/sys/fs/cgroup");
  EXPECT_EQ(v2->root, "/kubepods/pod1");

  // cpuset alone does not limit bandwidth; "cpuacct" is not "cpu".
  EXPECT_FALSE(cpu_cgroup_mount("34 31 0:31 / /c rw - cgroup cgroup rw,cpuset,cpuacct\n"));
  EXPECT_FALSE(cpu_cgroup_mount(""));
}

TEST(AvailableCpus, TheProcessCgroupIsReadForEitherVersion) {
  const char* proc_cgroup =
      "12:cpuset:/\n"
      "4:cpu,cpuacct:/docker/abc\n"
      "0::/user.slice/session-1.scope\n";
  EXPECT_EQ(process_cgroup(proc_cgroup, 1), "/docker/abc");
  EXPECT_EQ(process_cgroup(proc_cgroup, 2), "/user.slice/session-1.scope");
  EXPECT_EQ(process_cgroup("3:cpuacct:/x\n", 1), std::nullopt);
  EXPECT_EQ(process_cgroup("", 2), std::nullopt);
}

TEST(AvailableCpus, LimitsAreReadInCpus) {
  EXPECT_EQ(cpu_max_limit("max 100000\n"), std::nullopt);
  EXPECT_EQ(cpu_max_limit("150000 100000\n"), 1.5);
  EXPECT_EQ(cpu_max_limit("50000 100000"), 0.5);
  EXPECT_EQ(cpu_max_limit(""), std::nullopt);
  EXPECT_EQ(cpu_max_limit("lots 100000"), std::nullopt);
  EXPECT_EQ(cfs_limit("-1\n", "100000\n"), std::nullopt);
  EXPECT_EQ(cfs_limit("200000\n", "100000\n"), 2.0);
  EXPECT_EQ(cfs_limit("", ""), std::nullopt);
}

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << text;
}

// A cgroup v1 directory whose CFS quota is `quota` microseconds per 100 ms.
void write_cfs(const fs::path& directory, const std::string& quota) {
  write(directory / "cpu.cfs_quota_us", quota + "\n");
  write(directory / "cpu.cfs_period_us", "100000\n");
}

TEST(AvailableCpus, TheTightestLimitFromTheCgroupUpToTheMountCounts) {
  fs::path root = testing_support::scratch_dir() / "cgroup-v2";
  write(root / "cpu.max", "max 100000\n");
  write(root / "kubepods/cpu.max", "400000 100000\n");
  write(root / "kubepods/pod1/cpu.max", "150000 100000\n");
  write(root / "kubepods/pod1/app/cpu.max", "max 100000\n");
  CgroupMount mount{2, "/", root};
  EXPECT_EQ(cgroup_cpu_limit(mount, "/kubepods/pod1/app"), 1.5);  // the parent's limit
  EXPECT_EQ(cgroup_cpu_limit(mount, "/kubepods"), 4.0);
  EXPECT_EQ(cgroup_cpu_limit(mount, "/"), std::nullopt);
  // A cgroup the mount does not show (the host's path seen from a
  // container): the mount's root is the nearest one shown.
  EXPECT_EQ(cgroup_cpu_limit(mount, "/elsewhere/x"), std::nullopt);

  // Inside a container the mount's root is the container's own cgroup.
  fs::path container = testing_support::scratch_dir() / "cgroup-v1";
  write_cfs(container, "250000");
  write_cfs(container / "def", "50000");
  CgroupMount v1{1, "/docker/abc", container};
  EXPECT_EQ(cgroup_cpu_limit(v1, "/docker/abc"), 2.5);
  EXPECT_EQ(cgroup_cpu_limit(v1, "/docker/abc/def"), 0.5);
  // "/docker/abcdef" is not below "/docker/abc", so not its "def".
  EXPECT_EQ(cgroup_cpu_limit(v1, "/docker/abcdef"), 2.5);
}

TEST(AvailableCpus, AtLeastOne) {
  EXPECT_GE(available_cpus(), 1u);
}

TEST(AvailableCpus, TheJobsDefaultFollowsTheAffinityMask) {
  // taskset is part of util-linux, on every Debian system.
  testing_support::ProcessResult help =
      testing_support::run_command("taskset -c 0 " + std::string(KH_BINARY) + " lint --help");
  ASSERT_EQ(help.exit_code, 0) << help.err;
  EXPECT_NE(help.out.find("-j,--jobs UINT:UINT in [1 - 1024]=1\n"), std::string::npos) << help.out;
}

}  // namespace
}  // namespace kube_harden
