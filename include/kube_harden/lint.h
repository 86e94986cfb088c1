#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "kube_harden/baseline.h"
#include "kube_harden/finding.h"
#include "kube_harden/rule.h"
#include "kube_harden/rule_selection.h"
#include "kube_harden/suppression.h"
#include "kube_harden/yaml_loader.h"

namespace kube_harden {

struct LintOptions {
  RuleOptions rules;
  RuleSelection selection;
  SuppressionSettings suppressions;
  // Findings recorded as known: dropped from the result and counted.
  std::optional<Baseline> baseline;
  unsigned jobs = 1;
  // Bounds on what one input may cost; larger inputs are errors, not crashes.
  uint64_t max_file_bytes = 64ull << 20;
  YamlLimits yaml_limits;
};

// An input to lint: a path on disk, or text already read (stdin, tests).
struct LintInput {
  std::string display_name;  // what findings and errors call the file
  std::string path;          // read from disk when `text` is not given
  bool has_text = false;
  std::string text;
  // Set when reading it failed before linting (standard input is read once,
  // ahead of both passes): the input is reported with this error.
  std::string read_error;
};

struct LintSummary {
  size_t files = 0;      // files read
  size_t documents = 0;  // non-empty YAML documents
  size_t objects = 0;    // Kubernetes objects analysed
  size_t skipped = 0;    // documents or List items of kinds we do not analyse
  // Unsuppressed findings only: what the exit code is decided on.
  std::array<size_t, 5> findings_by_severity{};  // indexed by Severity
  size_t suppressed = 0;                          // findings kept but suppressed
};

// With --baseline: findings already recorded are dropped from the result.
struct BaselineSummary {
  bool used = false;
  std::string file;
  size_t unchanged = 0;  // findings matched by the baseline (not reported)
  size_t fixed = 0;      // baseline entries no current finding matches
};

struct LintResult {
  std::vector<Finding> findings;  // sorted by finding_order; includes suppressed ones
  std::vector<InputError> errors;
  LintSummary summary;
  BaselineSummary baseline;
};

// Expands PATH arguments into inputs: files as given, directories walked
// recursively (sorted, *.yaml *.yml *.json, VCS directories skipped), "-" for
// stdin. Paths that cannot be walked, and FIFOs, devices and sockets (which
// could block or never end), become errors. Directories are walked on up to
// `jobs` threads; what is found does not depend on it.
std::vector<LintInput> collect_inputs(const std::vector<std::string>& paths,
                                      std::vector<InputError>& errors, unsigned jobs = 1);

LintResult lint(const std::vector<LintInput>& inputs, const LintOptions& options);

// Takes a run's findings as they are ready, so that a report is written while
// later files are still being checked and only a few files' findings are
// held at once.
class FindingSink {
 public:
  virtual ~FindingSink() = default;
  // Once, before any finding: the inputs already known not to be (fully)
  // linted.
  virtual void start(const std::vector<InputError>& errors) = 0;
  // The inputs found not to be (fully) linted while linting, a file at a
  // time before its findings. LintResult::errors lists them all.
  virtual void add_errors(const std::vector<InputError>& errors) { (void)errors; }
  // The findings of the next file, in output order: the batches, one after
  // the other, are what lint() returns in LintResult::findings.
  virtual void add(std::vector<Finding>& findings) = 0;
};

// lint(), handing the findings to `sink` file by file: the result has every
// count, error and baseline figure, and no findings.
LintResult lint(const std::vector<LintInput>& inputs, const LintOptions& options,
                FindingSink& sink);

}  // namespace kube_harden
