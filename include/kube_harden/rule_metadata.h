#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kube_harden/severity.h"

namespace kube_harden {

enum class PssLevel { Baseline, Restricted };

std::string_view to_string(PssLevel level);
std::optional<PssLevel> parse_pss_level(std::string_view text);

struct PssControl {
  PssLevel level;
  std::string check;  // the Pod Security Admission check id, e.g. "privileged"
};

// One rule's documentation, read from rules/<id>.yaml (embedded at build time).
// Every user-facing text about a rule (explain, docs/, SARIF) comes from here.
struct RuleMetadata {
  std::string id;
  std::string title;
  Severity severity = Severity::Medium;
  std::string category;
  std::optional<PssControl> pss;
  std::string description;  // What it does
  std::string rationale;    // Why is this bad?
  std::string remediation;  // Use instead
  std::string example_bad;
  std::string example_good;
  std::vector<std::string> references;
  std::vector<std::string> tags;
};

// The catalogue of all rules' metadata, sorted by id.
class RuleCatalog {
 public:
  // The catalogue built into the binary; parsed once, on first use.
  static const RuleCatalog& builtin();

  // Parses one rules/<id>.yaml text; throws std::runtime_error naming the
  // file and the problem when a required key is missing or malformed.
  static RuleMetadata parse(std::string_view file_name, std::string_view yaml_text);

  explicit RuleCatalog(std::vector<RuleMetadata> rules);

  const std::vector<RuleMetadata>& rules() const { return rules_; }
  const RuleMetadata* find(std::string_view id) const;

 private:
  std::vector<RuleMetadata> rules_;
};

}  // namespace kube_harden
