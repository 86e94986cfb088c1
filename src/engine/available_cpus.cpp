#include "engine/available_cpus.h"

#include <sched.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace kube_harden {
namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  return text;
}

std::optional<long long> parse_integer(std::string_view text) {
  text = trim(text);
  long long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

bool contains_word(std::string_view list, std::string_view word) {
  for (std::string_view item : split(list, ',')) {
    if (item == word) return true;
  }
  return false;
}

// The processors of the affinity mask, or the online ones when it cannot be read.
unsigned affinity_cpus() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) {
    int count = CPU_COUNT(&set);
    if (count > 0) return static_cast<unsigned>(count);
  }
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

std::optional<CgroupMount> cpu_cgroup_mount(std::string_view mountinfo) {
  std::optional<CgroupMount> v2;
  for (std::string_view line : split(mountinfo, '\n')) {
    // ID PARENT MAJOR:MINOR ROOT MOUNT_POINT OPTIONS [OPTIONAL...] - TYPE SOURCE SUPER_OPTIONS
    size_t dash = line.find(" - ");
    if (dash == std::string_view::npos) continue;
    std::vector<std::string_view> head = split(line.substr(0, dash), ' ');
    std::vector<std::string_view> tail = split(line.substr(dash + 3), ' ');
    if (head.size() < 5 || tail.size() < 3) continue;
    CgroupMount mount{0, std::string(head[3]), std::string(head[4])};
    if (tail[0] == "cgroup" && contains_word(tail[2], "cpu")) {
      mount.version = 1;
      return mount;
    }
    if (tail[0] == "cgroup2" && !v2) {
      mount.version = 2;
      v2 = mount;
    }
  }
  return v2;
}

std::optional<std::string> process_cgroup(std::string_view proc_cgroup, int version) {
  for (std::string_view line : split(proc_cgroup, '\n')) {
    // HIERARCHY_ID:CONTROLLERS:PATH; cgroup v2 is "0::PATH".
    size_t first = line.find(':');
    size_t second = first == std::string_view::npos ? first : line.find(':', first + 1);
    if (second == std::string_view::npos) continue;
    std::string_view controllers = line.substr(first + 1, second - first - 1);
    std::string_view path = line.substr(second + 1);
    bool matches = version == 2 ? line.substr(0, first) == "0" && controllers.empty()
                                : contains_word(controllers, "cpu");
    if (matches) return std::string(path);
  }
  return std::nullopt;
}

std::optional<double> cpu_max_limit(std::string_view cpu_max) {
  std::vector<std::string_view> fields = split(trim(cpu_max), ' ');
  if (fields.size() != 2) return std::nullopt;
  return cfs_limit(fields[0], fields[1]);  // "max" is no number: no limit
}

std::optional<double> cfs_limit(std::string_view quota_text, std::string_view period_text) {
  std::optional<long long> quota = parse_integer(quota_text);
  std::optional<long long> period = parse_integer(period_text);
  if (!quota || !period || *quota <= 0 || *period <= 0) return std::nullopt;
  return static_cast<double>(*quota) / static_cast<double>(*period);
}

std::optional<double> cgroup_cpu_limit(const CgroupMount& mount, const std::string& cgroup) {
  // The process's cgroup as a path below the mount point: inside a container
  // the mount's root is often the container's own cgroup.
  std::string_view relative = cgroup;
  if (mount.root != "/" && relative.starts_with(mount.root) &&
      (relative.size() == mount.root.size() || relative[mount.root.size()] == '/')) {
    relative.remove_prefix(mount.root.size());
  }
  while (relative.starts_with('/')) relative.remove_prefix(1);
  std::filesystem::path directory = mount.mount_point;
  std::error_code error;
  if (!relative.empty() && relative.find("..") == std::string_view::npos &&
      std::filesystem::is_directory(mount.mount_point / relative, error)) {
    directory /= relative;
  }  // else a cgroup this mount does not show: its root is the nearest one shown
  std::optional<double> tightest;
  while (true) {
    std::optional<double> limit = mount.version == 2
                                      ? cpu_max_limit(read_text(directory / "cpu.max"))
                                      : cfs_limit(read_text(directory / "cpu.cfs_quota_us"),
                                                  read_text(directory / "cpu.cfs_period_us"));
    if (limit && (!tightest || *limit < *tightest)) tightest = limit;
    if (directory == mount.mount_point || !directory.has_relative_path()) return tightest;
    directory = directory.parent_path();
  }
}

unsigned available_cpus() {
  unsigned cpus = affinity_cpus();
  std::optional<CgroupMount> mount = cpu_cgroup_mount(read_text("/proc/self/mountinfo"));
  if (!mount) return cpus;
  std::optional<std::string> cgroup =
      process_cgroup(read_text("/proc/self/cgroup"), mount->version);
  if (!cgroup) return cpus;
  std::optional<double> limit = cgroup_cpu_limit(*mount, *cgroup);
  if (!limit) return cpus;
  // Rounded up, so that a limit of 1.5 CPUs can be used in full.
  double rounded = std::ceil(*limit);
  return std::clamp(static_cast<unsigned>(rounded), 1u, cpus);
}

}  // namespace kube_harden
