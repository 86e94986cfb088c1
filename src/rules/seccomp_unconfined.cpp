#include <fmt/format.h>

#include "rules/pod_helpers.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

constexpr std::string_view kPodAnnotation = "seccomp.security.alpha.kubernetes.io/pod";
constexpr std::string_view kContainerAnnotationPrefix =
    "container.seccomp.security.alpha.kubernetes.io/";

bool valid_profile_type(const StringField& type) {
  return type.is("RuntimeDefault") || type.is("Localhost");
}

bool valid_annotation_value(std::string_view value) {
  return value == "runtime/default" || value == "docker/default" || value.starts_with("localhost/");
}

// Policy v1.19 and later read the seccompProfile fields; earlier versions the
// alpha annotations, and only for the pod and containers that exist.
class SeccompUnconfined : public Rule {
 public:
  std::string_view id() const override { return "seccomp-unconfined"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    if (context.options().k8s_version.at_least(19)) {
      check_fields(workload.pod, context);
    } else {
      check_annotations(workload, context);
    }
  }

 private:
  static std::string message(std::string_view who, std::string_view value) {
    return fmt::format(
        "{} sets seccomp profile {}, which leaves every system call open; use "
        "RuntimeDefault or Localhost",
        who, value.empty() ? "\"\"" : value);
  }

  static Position profile_position(const SeccompProfile& profile) {
    return profile.type.present() ? profile.type.position : profile.position;
  }

  void check_fields(const PodSpec& pod, RuleContext& context) const {
    if (pod.security_context && pod.security_context->seccomp_profile) {
      const SeccompProfile& profile = *pod.security_context->seccomp_profile;
      if (!valid_profile_type(profile.type)) {
        context.report(profile_position(profile), pod.path + ".securityContext.seccompProfile.type",
                       message("the pod", profile.type.value.value_or("")));
      }
    }
    for (const Container& container : pod.containers) {
      const auto& security = container.security_context;
      if (!security || !security->seccomp_profile) continue;
      const SeccompProfile& profile = *security->seccomp_profile;
      if (valid_profile_type(profile.type)) continue;
      context.report(container, profile_position(profile), ".securityContext.seccompProfile.type",
                     message(describe(container), profile.type.value.value_or("")));
    }
  }

  void check_annotations(const Workload& workload, RuleContext& context) const {
    const PodSpec& pod = workload.pod;
    std::string annotations_path = pod_metadata_path(pod) + ".annotations";
    if (const KeyValue* annotation = workload.pod_metadata.annotation(kPodAnnotation)) {
      if (!valid_annotation_value(annotation->value)) {
        context.report(annotation->position,
                       fmt::format("{}['{}']", annotations_path, kPodAnnotation),
                       message("the pod annotation", annotation->value));
      }
    }
    for (const Container& container : pod.containers) {
      std::string key = std::string(kContainerAnnotationPrefix) + container.name;
      const KeyValue* annotation = workload.pod_metadata.annotation(key);
      if (!annotation || valid_annotation_value(annotation->value)) continue;
      context.report(annotation->position, fmt::format("{}['{}']", annotations_path, key),
                     message("the annotation for " + describe(container), annotation->value),
                     container.name);
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_seccomp_unconfined_rule() {
  return std::make_unique<SeccompUnconfined>();
}

}  // namespace kube_harden
