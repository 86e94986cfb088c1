#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/suppression_comments.h"
#include "kube_harden/finding.h"
#include "kube_harden/model.h"
#include "kube_harden/rule_metadata.h"
#include "kube_harden/rule_selection.h"
#include "kube_harden/suppression.h"

namespace kube_harden {

// Everything a run's suppressions are decided on.
struct SuppressionInputs {
  const Manifests& manifests;
  const std::vector<std::string>& file_names;
  // Per file (ObjectHeader::file_index): its `# kube-harden:ignore` comments.
  const std::vector<std::vector<SuppressionComment>>& comments;
  const SuppressionSettings& settings;
  const RuleSelection& selection;
  const RuleCatalog& catalog;
};

struct Candidate;

// One file's comment and annotation suppressions (indices into the run's
// candidates, ascending), by the line or object they are about, so that a
// finding is tried only against those that can apply to it.
struct FileCandidates {
  std::vector<size_t> all;
  std::unordered_map<uint32_t, std::vector<size_t>> by_line;
  std::unordered_map<std::string, std::vector<size_t>> by_object;
};

// A run's suppressions, gathered once; then applied one file at a time.
class Suppressions {
 public:
  explicit Suppressions(const SuppressionInputs& inputs);
  ~Suppressions();

  // Marks the findings of one file (every finding has file name `file`) that
  // annotations, comments or config exemptions suppress, and appends
  // unused-suppression and suppression-missing-reason findings for that
  // file's suppressions that match nothing or give no reason. Calls for
  // different files may run at once.
  void apply(const std::string& file, std::vector<Finding>& findings);

 private:
  SuppressionInputs inputs_;  // references, valid for the run
  std::vector<Candidate> candidates_;
  std::unordered_map<std::string_view, FileCandidates> by_file_;
  std::vector<size_t> exemptions_;
};

}  // namespace kube_harden
