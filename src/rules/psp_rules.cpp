#include <fmt/format.h>

#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

class PspPrivileged : public Rule {
 public:
  std::string_view id() const override { return "psp-privileged"; }

  void check_pod_security_policy(const PodSecurityPolicy& psp, RuleContext& context) const override {
    if (!psp.privileged.is(true)) return;
    context.report(psp.privileged.position, "spec.privileged",
                   "the PodSecurityPolicy admits privileged containers; set privileged: false");
  }
};

class PspHostNamespaces : public Rule {
 public:
  std::string_view id() const override { return "psp-host-namespaces"; }

  void check_pod_security_policy(const PodSecurityPolicy& psp, RuleContext& context) const override {
    const std::pair<const BoolField*, std::string_view> fields[] = {
        {&psp.host_network, "hostNetwork"}, {&psp.host_pid, "hostPID"}, {&psp.host_ipc, "hostIPC"}};
    for (const auto& [field, key] : fields) {
      if (!field->is(true)) continue;
      context.report(field->position, fmt::format("spec.{}", key),
                     fmt::format("the PodSecurityPolicy admits pods with {}: true; set {}: false",
                                 key, key));
    }
  }
};

// Reports every "*" entry of a PodSecurityPolicy list field.
void report_wildcards(const std::vector<StringField>& entries, std::string_view key,
                      std::string_view what, RuleContext& context) {
  for (size_t i = 0; i < entries.size(); ++i) {
    if (!entries[i].is("*")) continue;
    context.report(entries[i].position, fmt::format("spec.{}[{}]", key, i),
                   fmt::format("the PodSecurityPolicy's {} contains \"*\", which allows {}; list "
                               "only what the workloads need",
                               key, what));
  }
}

class PspAllCapabilities : public Rule {
 public:
  std::string_view id() const override { return "psp-all-capabilities"; }

  void check_pod_security_policy(const PodSecurityPolicy& psp, RuleContext& context) const override {
    report_wildcards(psp.allowed_capabilities, "allowedCapabilities",
                     "adding any capability, SYS_ADMIN included", context);
    report_wildcards(psp.default_add_capabilities, "defaultAddCapabilities",
                     "every capability by default", context);
  }
};

class PspAllVolumes : public Rule {
 public:
  std::string_view id() const override { return "psp-all-volumes"; }

  void check_pod_security_policy(const PodSecurityPolicy& psp, RuleContext& context) const override {
    report_wildcards(psp.volumes, "volumes", "every volume type, hostPath included", context);
  }
};

class PspRunAsAnyUser : public Rule {
 public:
  std::string_view id() const override { return "psp-run-as-any-user"; }

  void check_pod_security_policy(const PodSecurityPolicy& psp, RuleContext& context) const override {
    if (!psp.run_as_user_rule.is("RunAsAny")) return;
    context.report(psp.run_as_user_rule.position, "spec.runAsUser.rule",
                   "the PodSecurityPolicy's runAsUser rule RunAsAny admits containers running as "
                   "root; use MustRunAsNonRoot");
  }
};

}  // namespace

std::unique_ptr<Rule> make_psp_privileged_rule() { return std::make_unique<PspPrivileged>(); }
std::unique_ptr<Rule> make_psp_host_namespaces_rule() {
  return std::make_unique<PspHostNamespaces>();
}
std::unique_ptr<Rule> make_psp_all_capabilities_rule() {
  return std::make_unique<PspAllCapabilities>();
}
std::unique_ptr<Rule> make_psp_all_volumes_rule() { return std::make_unique<PspAllVolumes>(); }
std::unique_ptr<Rule> make_psp_run_as_any_user_rule() {
  return std::make_unique<PspRunAsAnyUser>();
}

}  // namespace kube_harden
