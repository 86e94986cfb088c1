#include <fmt/format.h>

#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

class HostNamespaces : public Rule {
 public:
  std::string_view id() const override { return "host-namespaces"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    const PodSpec& pod = workload.pod;
    struct Namespace {
      const BoolField& field;
      std::string_view key;
      std::string_view shares;
    };
    const Namespace namespaces[] = {
        {pod.host_network, "hostNetwork", "the node's network stack and its localhost services"},
        {pod.host_pid, "hostPID",
         "the node's process table, so it can see and signal host processes"},
        {pod.host_ipc, "hostIPC", "the node's IPC namespace and shared memory"},
    };
    for (const Namespace& ns : namespaces) {
      if (!ns.field.is(true)) continue;
      context.report(ns.field.position, fmt::format("{}.{}", pod.path, ns.key),
                     fmt::format("{}: true shares {}; set {}: false (or leave it unset)", ns.key,
                                 ns.shares, ns.key));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_host_namespaces_rule() {
  return std::make_unique<HostNamespaces>();
}

}  // namespace kube_harden
