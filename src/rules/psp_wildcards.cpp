#include "rules/psp_wildcards.h"

#include <fmt/format.h>

namespace kube_harden {

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

}  // namespace kube_harden
