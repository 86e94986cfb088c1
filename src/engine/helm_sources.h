#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kube_harden/finding.h"

namespace kube_harden {

// One document of `helm template` output and the template it came from.
struct HelmSource {
  uint32_t first_line = 0;    // first line of the document (after `---`)
  std::string template_path;  // empty for a document without a Source comment
};

// Every document of a file, in order, with the template named by a
// `# Source: <path>` comment among its leading comments; empty when no
// document has one (ordinary manifests).
std::vector<HelmSource> scan_helm_sources(std::string_view text);

// Sets Finding::rendered_from on findings of `file` from its Helm sources.
void map_to_helm_sources(const std::string& file, const std::vector<HelmSource>& sources,
                         std::vector<Finding>& findings);

}  // namespace kube_harden
