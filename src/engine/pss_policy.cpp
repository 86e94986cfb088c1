#include "engine/pss_policy.h"

#include <fmt/format.h>

namespace kube_harden {
namespace {

constexpr std::string_view kEnforceLabel = "pod-security.kubernetes.io/enforce";
constexpr std::string_view kEnforceVersionLabel = "pod-security.kubernetes.io/enforce-version";

}  // namespace

PssPolicy pss_policy_for(const ObjectHeader& object, const ManifestIndex& index,
                         const RuleOptions& options, const std::vector<std::string>& file_names) {
  PssPolicy policy{true, options.pss_level, options.k8s_version,
                   options.pss_level_from_flag
                       ? fmt::format("--pss {}", to_string(options.pss_level))
                       : fmt::format("default level {}", to_string(options.pss_level))};
  const Namespace* space = index.namespace_named(namespace_of(object, options));
  if (!space) return policy;
  const ObjectMeta& meta = space->header.metadata;
  if (!options.pss_level_from_flag) {
    if (const KeyValue* label = meta.label(kEnforceLabel)) {
      std::optional<PssLevel> level = parse_pss_level(label->value);
      // An unknown level leaves the default in force, as if the label were absent.
      if (level || label->value == "privileged") {
        policy.enforced = level.has_value();
        policy.level = level.value_or(policy.level);
        policy.source =
            fmt::format("Namespace {} label {}={} ({}:{})", meta.name, kEnforceLabel, label->value,
                        file_names.at(space->header.file_index), label->position.line);
      }
    }
  }
  if (!options.k8s_version_from_flag) {
    if (const KeyValue* label = meta.label(kEnforceVersionLabel)) {
      if (std::optional<K8sVersion> version = K8sVersion::parse(label->value)) {
        policy.version = *version;
      }
    }
  }
  return policy;
}

}  // namespace kube_harden
