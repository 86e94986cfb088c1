#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/rule_runner.h"
#include "engine/suppression_comments.h"
#include "kube_harden/finding.h"
#include "kube_harden/model.h"
#include "kube_harden/rule_metadata.h"
#include "kube_harden/rule_selection.h"
#include "kube_harden/suppression.h"

namespace kube_harden {

// What a run's suppressions are decided on, besides each file's own.
struct SuppressionInputs {
  const SuppressionSettings& settings;
  const RuleSelection& selection;
  const RuleCatalog& catalog;
};

// What one file says about its suppressions: its objects (their
// annotations) and its `# kube-harden:ignore` comments. Inputs given twice
// under one name are one file here, so there may be several of each.
struct FileSuppressionSources {
  std::span<const ObjectSlice> objects;
  std::span<const std::vector<SuppressionComment>* const> comments;
};

struct Candidate;

// A run's suppressions: the config's exemptions, gathered once, and each
// file's own, gathered when its findings are applied.
class Suppressions {
 public:
  explicit Suppressions(const SuppressionInputs& inputs);
  ~Suppressions();

  // Marks the findings of one file (every finding has file name `file`) that
  // annotations, comments or config exemptions suppress, and appends
  // unused-suppression and suppression-missing-reason findings for that
  // file's suppressions that match nothing or give no reason. Calls for
  // different files may run at once.
  void apply(const std::string& file, const FileSuppressionSources& sources,
             std::vector<Finding>& findings) const;

 private:
  SuppressionInputs inputs_;  // references, valid for the run
  std::vector<Candidate> exemptions_;
};

}  // namespace kube_harden
