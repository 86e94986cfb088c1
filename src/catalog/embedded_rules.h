#pragma once

#include <span>
#include <string_view>

namespace kube_harden {

// One rules/<id>.yaml file as embedded at build time.
struct EmbeddedRuleFile {
  std::string_view file_name;  // e.g. "privileged-container.yaml"
  std::string_view text;
};

std::span<const EmbeddedRuleFile> embedded_rule_files();

}  // namespace kube_harden
