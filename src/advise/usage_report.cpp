// `advise --report`: who uses which host or root privilege, workload by workload.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "advise/pod_privileges.h"
#include "rules/pod_helpers.h"

namespace kube_harden {
namespace {

size_t category_rank(std::string_view category) {
  const std::vector<std::string>& categories = usage_categories();
  return std::find(categories.begin(), categories.end(), category) - categories.begin();
}

class UsageCollector {
 public:
  UsageCollector(const Workload& workload, const std::string& file,
                 std::vector<UsageEntry>& entries)
      : workload_(workload), file_(file), entries_(entries) {}

  void collect() {
    const PodSpec& pod = workload_.pod;
    for (auto [name, field] :
         {std::pair{"hostPID", &pod.host_pid}, std::pair{"hostIPC", &pod.host_ipc},
          std::pair{"hostNetwork", &pod.host_network}}) {
      if (field->is(true)) add(name, field->position, {}, "true");
    }
    for (const Volume& volume : pod.volumes) {
      if (!volume.host_path.value) continue;
      bool read_only = mounted_read_only(pod, volume);
      add("hostPath", volume.host_path.position, {},
          fmt::format("{} ({})", *volume.host_path.value, read_only ? "read-only" : "writable"))
          .read_only = read_only;
    }
    for (const Container& container : pod.containers) collect_container(container);
  }

 private:
  UsageEntry& add(std::string_view category, Position position, std::string container,
                  std::string detail) {
    const ObjectHeader& header = workload_.header;
    return entries_.emplace_back(
        UsageEntry{std::string(category),
                   ObjectRef{header.api_version, header.kind, header.metadata.namespace_name,
                             header.metadata.name},
                   file_, position.known() ? position : header.position, std::move(container),
                   std::move(detail), std::nullopt});
  }

  void collect_container(const Container& container) {
    const PodSpec& pod = workload_.pod;
    const auto& context = container.security_context;
    const Position anchor = security_context_anchor(container);
    if (container_flag(container, &SecurityContext::privileged) == true) {
      add("privileged", context->privileged.position, container.name, "true");
    }
    if (context && context->capabilities) {
      for (const StringField& added : context->capabilities->add) {
        add("addedCapabilities", added.position, container.name, added.value.value_or(""));
      }
    }
    std::optional<int64_t> user = effective_run_as_user(pod, container);
    if (user == 0) {
      bool own = context && context->run_as_user.value;
      add("rootUser",
          own ? context->run_as_user.position : pod.security_context->run_as_user.position,
          container.name, "runAsUser: 0");
    } else if (!user && effective_run_as_non_root(pod, container) != true) {
      add("rootUser", anchor, container.name,
          "no runAsUser, no runAsNonRoot: true: the image's USER decides");
    }
    std::optional<bool> escalation =
        container_flag(container, &SecurityContext::allow_privilege_escalation);
    if (escalation == true) {
      add("allowPrivilegeEscalation", context->allow_privilege_escalation.position, container.name,
          "true");
    } else if (!escalation) {
      add("allowPrivilegeEscalation", anchor, container.name, "unset (defaults to true)");
    }
    if (container_flag(container, &SecurityContext::read_only_root_filesystem) != true) {
      add("writableRootFilesystem", anchor, container.name, "readOnlyRootFilesystem is not true");
    }
  }

  const Workload& workload_;
  const std::string& file_;
  std::vector<UsageEntry>& entries_;
};

}  // namespace

const std::vector<std::string>& usage_categories() {
  static const std::vector<std::string> categories = {"hostPID",
                                                      "hostIPC",
                                                      "hostNetwork",
                                                      "hostPath",
                                                      "privileged",
                                                      "addedCapabilities",
                                                      "rootUser",
                                                      "allowPrivilegeEscalation",
                                                      "writableRootFilesystem"};
  return categories;
}

std::vector<UsageEntry> collect_usage(const Manifests& manifests,
                                      const std::vector<std::string>& file_names) {
  std::vector<UsageEntry> entries;
  for (const Workload& workload : manifests.workloads) {
    UsageCollector(workload, file_names.at(workload.header.file_index), entries).collect();
  }
  // Workloads come in input order; group them by category, keeping that order.
  std::stable_sort(entries.begin(), entries.end(), [](const UsageEntry& a, const UsageEntry& b) {
    return category_rank(a.category) < category_rank(b.category);
  });
  return entries;
}

}  // namespace kube_harden
