#include <fmt/format.h>

#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// The API server decodes YAML into typed fields: a quoted "true" is a string
// and a boolean field rejects it. We neither guess true nor false; we say so.
class InvalidFieldType : public Rule {
 public:
  std::string_view id() const override { return "invalid-field-type"; }

  void check_object(const ObjectHeader& object, RuleContext& context) const override {
    for (const SourceIssue& issue : object.source_issues) {
      if (issue.kind != SourceIssue::Kind::InvalidValue) continue;
      context.report(issue.position, issue.path,
                     fmt::format("\"{}\" takes {}; the API server rejects this object, and "
                                 "kube-harden cannot tell what was meant",
                                 issue.key, issue.detail));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_invalid_field_type_rule() {
  return std::make_unique<InvalidFieldType>();
}

}  // namespace kube_harden
