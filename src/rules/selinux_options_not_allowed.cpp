#include <fmt/format.h>

#include "rules/pod_helpers.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

bool allowed_type(std::string_view type, const K8sVersion& version) {
  return type.empty() || type == "container_t" || type == "container_init_t" ||
         type == "container_kvm_t" || (version.at_least(31) && type == "container_engine_t");
}

// PSA allows the container SELinux types only and no custom user or role;
// the level (MCS categories) is not checked.
class SELinuxOptionsNotAllowed : public Rule {
 public:
  std::string_view id() const override { return "selinux-options-not-allowed"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    const PodSpec& pod = workload.pod;
    const K8sVersion& version = context.options().k8s_version;
    if (pod.security_context && pod.security_context->se_linux_options) {
      check(*pod.security_context->se_linux_options, version, "the pod",
            [&](Position position, std::string_view field, std::string message) {
              context.report(position,
                             fmt::format("{}.securityContext.seLinuxOptions.{}", pod.path, field),
                             std::move(message));
            });
    }
    for (const Container& container : pod.containers) {
      const auto& security = container.security_context;
      if (!security || !security->se_linux_options) continue;
      check(*security->se_linux_options, version, describe(container),
            [&](Position position, std::string_view field, std::string message) {
              context.report(container, position,
                             fmt::format(".securityContext.seLinuxOptions.{}", field),
                             std::move(message));
            });
    }
  }

 private:
  template <class Report>
  static void check(const SELinuxOptions& options, const K8sVersion& version, std::string_view who,
                    const Report& report) {
    std::string type = options.type.value.value_or("");
    if (!allowed_type(type, version)) {
      report(options.type.position, "type",
             fmt::format("{} sets SELinux type \"{}\"; allowed are container_t, "
                         "container_init_t, container_kvm_t{} or none",
                         who, type, version.at_least(31) ? ", container_engine_t" : ""));
    }
    for (const auto& [field, name] : {std::pair{&options.user, "user"}, {&options.role, "role"}}) {
      if (field->value.value_or("").empty()) continue;
      report(field->position, name,
             fmt::format("{} sets SELinux {} \"{}\"; custom SELinux users and roles are not "
                         "allowed, remove it",
                         who, name, *field->value));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_selinux_options_not_allowed_rule() {
  return std::make_unique<SELinuxOptionsNotAllowed>();
}

}  // namespace kube_harden
