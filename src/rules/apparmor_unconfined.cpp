#include <fmt/format.h>

#include "rules/pod_helpers.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

constexpr std::string_view kAnnotationPrefix = "container.apparmor.security.beta.kubernetes.io/";

bool allowed_annotation_value(std::string_view value) {
  return value.empty() || value == "runtime/default" || value.starts_with("localhost/");
}

bool allowed_profile(const Boxed<AppArmorProfile>& profile) {
  return !profile || profile->type.is("RuntimeDefault") || profile->type.is("Localhost");
}

// PSA reads both the beta annotations (any container name) and the
// appArmorProfile fields, at every policy version.
class AppArmorUnconfined : public Rule {
 public:
  std::string_view id() const override { return "apparmor-unconfined"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    const PodSpec& pod = workload.pod;
    for (const KeyValue& annotation : workload.pod_metadata.annotations) {
      if (!annotation.key.starts_with(kAnnotationPrefix)) continue;
      if (workload.pod_metadata.annotation(annotation.key) != &annotation) continue;  // duplicate
      if (allowed_annotation_value(annotation.value)) continue;
      context.report(annotation.position,
                     fmt::format("{}.annotations['{}']", pod_metadata_path(pod), annotation.key),
                     fmt::format("annotation {} sets AppArmor profile \"{}\"; use runtime/default "
                                 "or localhost/<profile>",
                                 annotation.key, annotation.value));
    }
    if (pod.security_context && !allowed_profile(pod.security_context->app_armor_profile)) {
      const AppArmorProfile& profile = *pod.security_context->app_armor_profile;
      context.report(profile.type.present() ? profile.type.position : profile.position,
                     pod.path + ".securityContext.appArmorProfile.type",
                     message("the pod", profile));
    }
    for (const Container& container : pod.containers) {
      const auto& security = container.security_context;
      if (!security || allowed_profile(security->app_armor_profile)) continue;
      const AppArmorProfile& profile = *security->app_armor_profile;
      context.report(container, profile.type.present() ? profile.type.position : profile.position,
                     ".securityContext.appArmorProfile.type",
                     message(describe(container), profile));
    }
  }

 private:
  static std::string message(std::string_view who, const AppArmorProfile& profile) {
    return fmt::format("{} sets AppArmor profile type \"{}\"; use RuntimeDefault or Localhost", who,
                       profile.type.value.value_or(""));
  }
};

}  // namespace

std::unique_ptr<Rule> make_apparmor_unconfined_rule() {
  return std::make_unique<AppArmorUnconfined>();
}

}  // namespace kube_harden
