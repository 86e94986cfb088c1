#include <fmt/format.h>

#include "rules/duplicate_keys.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

class DuplicateSecurityKey : public Rule {
 public:
  std::string_view id() const override { return "duplicate-security-key"; }

  void check_object(const ObjectHeader& object, RuleContext& context) const override {
    for (const SourceIssue& issue : object.source_issues) {
      if (issue.kind != SourceIssue::Kind::DuplicateKey) continue;
      if (!issue.values_differ || !is_security_relevant_key(issue.key)) continue;
      std::string value = issue.detail.empty() ? "" : fmt::format(" ({})", issue.detail);
      context.report(issue.position, issue.path,
                     fmt::format("security field \"{}\" is given twice with different values "
                                 "(first at line {}); Kubernetes uses this last one{}, whatever a "
                                 "reviewer reads above. Keep exactly one",
                                 issue.key, issue.first_position.line, value));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_duplicate_security_key_rule() {
  return std::make_unique<DuplicateSecurityKey>();
}

}  // namespace kube_harden
