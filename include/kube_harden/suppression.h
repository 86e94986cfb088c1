#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kube_harden/position.h"

namespace kube_harden {

// Annotation keys users write on an object or its pod template, and the
// start they share.
inline constexpr std::string_view kSuppressionAnnotationPrefix = "kube-harden.io/ignore";
inline constexpr const char* kIgnoreAnnotation = "kube-harden.io/ignore";
inline constexpr const char* kIgnoreReasonAnnotation = "kube-harden.io/ignore-reason";
// Followed by a container name: "kube-harden.io/ignore.<container>".
inline constexpr const char* kIgnoreContainerAnnotationPrefix = "kube-harden.io/ignore.";
// Starts an inline comment: `# kube-harden:ignore rule-a,rule-b -- reason`.
inline constexpr const char* kIgnoreCommentMarker = "kube-harden:ignore";

// Findings a team has accepted for a reason: every finding of `rules` on an
// object matching all the given patterns (`*` and `?` wildcards) is
// suppressed as "external".
struct Exemption {
  std::vector<std::string> rules;  // rule ids, or "*" for every rule
  std::string namespace_pattern;   // empty: any
  std::string kind_pattern;
  std::string name_pattern;
  std::string container_pattern;
  std::string reason;
  Position position;  // of the list item in the config file
};

struct SuppressionSettings {
  // false: annotations and comments in the manifests are ignored (strict mode),
  // leaving the config's exemptions as the only way to suppress.
  bool in_source = true;
  std::set<std::string, std::less<>> unsuppressible;
  std::vector<Exemption> exemptions;
  std::string config_file;  // where the exemptions were written, for messages
};

}  // namespace kube_harden
