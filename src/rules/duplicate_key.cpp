#include <fmt/format.h>

#include "rules/duplicate_keys.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// Duplicates that cannot change a security decision; the others are
// duplicate-security-key's.
class DuplicateKey : public Rule {
 public:
  std::string_view id() const override { return "duplicate-key"; }

  void check_object(const ObjectHeader& object, RuleContext& context) const override {
    for (const SourceIssue& issue : object.source_issues) {
      if (issue.kind != SourceIssue::Kind::DuplicateKey) continue;
      if (issue.values_differ && is_security_relevant_key(issue.key)) continue;
      context.report(issue.position, issue.path,
                     fmt::format("key \"{}\" is repeated (first at line {}); Kubernetes keeps "
                                 "only this last value. Remove one of them",
                                 issue.key, issue.first_position.line));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_duplicate_key_rule() {
  return std::make_unique<DuplicateKey>();
}

}  // namespace kube_harden
