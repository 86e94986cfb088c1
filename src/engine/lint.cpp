#include "kube_harden/lint.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <span>

#include "catalog/rule_headers.h"
#include "engine/file_reader.h"
#include "engine/first_pass.h"
#include "engine/ordered_pipeline.h"
#include "engine/lint_run.h"
#include "engine/rule_runner.h"
#include "engine/suppressions.h"

namespace kube_harden {
namespace {

// Sorts as std::stable_sort(finding_order) would, without its buffer of half
// the findings at hundreds of bytes each: the order is worked out on indices
// and then applied in place, one permutation cycle at a time.
void sort_findings(std::vector<Finding>& findings) {
  std::vector<size_t> order(findings.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return finding_order(findings[a], findings[b]);
  });
  // order[i] is the finding that belongs at i; order[i] == i once it is there.
  for (size_t start = 0; start < order.size(); ++start) {
    if (order[start] == start) continue;
    Finding first = std::move(findings[start]);
    size_t at = start;
    while (order[at] != start) {
      size_t from = order[at];
      findings[at] = std::move(findings[from]);
      order[at] = at;
      at = from;
    }
    findings[at] = std::move(first);
    order[at] = at;
  }
}

// Drops the unsuppressed findings the baseline records, oldest first: when a
// fingerprint repeats, the baseline's count says how many are known. Takes
// findings in output order, a file at a time.
class BaselineFilter {
 public:
  explicit BaselineFilter(const Baseline& baseline)
      : baseline_(baseline), remaining_(baseline.fingerprints) {}

  void apply(std::vector<Finding>& findings) {
    std::erase_if(findings, [&](const Finding& finding) {
      if (finding.suppressed) return false;
      auto it = remaining_.find(stable_fingerprint(finding));
      if (it == remaining_.end() || it->second == 0) return false;
      --it->second;
      ++unchanged_;
      return true;
    });
  }

  BaselineSummary summary() const {
    return BaselineSummary{.used = true,
                           .file = baseline_.file,
                           .unchanged = unchanged_,
                           .fixed = baseline_.entries - unchanged_};
  }

 private:
  const Baseline& baseline_;
  std::map<std::string, size_t> remaining_;
  size_t unchanged_ = 0;
};

// Inputs in output order, grouped by name: findings are sorted by file name
// first, and inputs given twice under one name share their findings' order.
std::vector<std::vector<size_t>> files_by_name(const std::vector<std::string>& names) {
  std::vector<size_t> order(names.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return names[a] < names[b]; });
  std::vector<std::vector<size_t>> groups;
  for (size_t i : order) {
    if (groups.empty() || names[groups.back().front()] != names[i]) groups.emplace_back();
    groups.back().push_back(i);
  }
  return groups;
}

void count_into(LintSummary& summary, const std::vector<Finding>& findings) {
  for (const Finding& finding : findings) {
    if (finding.suppressed) {
      ++summary.suppressed;
    } else {
      ++summary.findings_by_severity[static_cast<size_t>(finding.severity)];
    }
  }
}

// Collects the findings lint() returns.
class CollectingSink : public FindingSink {
 public:
  explicit CollectingSink(std::vector<Finding>& findings) : findings_(findings) {}
  void start(const std::vector<InputError>&) override {}
  void add(std::vector<Finding>& findings) override {
    findings_.insert(findings_.end(), std::make_move_iterator(findings.begin()),
                     std::make_move_iterator(findings.end()));
  }

 private:
  std::vector<Finding>& findings_;
};

// What checking one name's files gives: their findings, ready to report but
// for the baseline (which must see them in output order), and, when the
// files are loaded as they are checked, what loading them found.
struct CheckedFiles {
  std::vector<Finding> findings;
  std::vector<InputError> errors;
  DocumentCounts counts;
  size_t files_read = 0;
};

// The findings of one name's files (`objects` and `comments` per file), with
// suppressions applied and Helm sources mapped, in output order.
std::vector<Finding> check_objects(const RuleRunner& rules, const Suppressions& suppressions,
                                   const std::string& name, std::span<const ObjectSlice> objects,
                                   std::span<const std::vector<SuppressionComment>* const> comments,
                                   std::span<const std::vector<HelmSource>* const> helm_sources) {
  std::vector<Finding> findings;
  for (const ObjectSlice& slice : objects) {
    std::vector<Finding> found = rules.run(slice);
    findings.insert(findings.end(), std::make_move_iterator(found.begin()),
                    std::make_move_iterator(found.end()));
  }
  suppressions.apply(name, {objects, comments}, findings);
  for (const std::vector<HelmSource>* sources : helm_sources) {
    map_to_helm_sources(name, *sources, findings);
  }
  sort_findings(findings);
  return findings;
}

// Checks the files, grouped by name, on the thread pool with `check`, and
// reports them in order; `weight` says how much work a group is, and only a
// window of `window_weight` past the last reported group is held at once.
template <class Check, class Weight>
void check_and_report(const std::vector<std::vector<size_t>>& groups, const LintOptions& options,
                      const Check& check, const Weight& weight, uint64_t window_weight,
                      FindingSink& sink, LintResult& result) {
  std::optional<BaselineFilter> baseline;
  if (options.baseline) baseline.emplace(*options.baseline);
  auto report = [&](CheckedFiles& files) {
    if (!files.errors.empty()) {
      sink.add_errors(files.errors);
      result.errors.insert(result.errors.end(), files.errors.begin(), files.errors.end());
    }
    result.summary.files += files.files_read;
    add_counts(result.summary, files.counts);
    if (baseline) baseline->apply(files.findings);
    count_into(result.summary, files.findings);
    sink.add(files.findings);
  };
  ordered_pipeline<CheckedFiles>(
      groups.size(), options.jobs, window_weight, [&](size_t i) { return weight(groups[i]); },
      [&](size_t i) { return check(groups[i]); }, report);
  if (baseline) result.baseline = baseline->summary();
}

// The inputs with standard input read into its text, as both passes read
// it; nothing when no input is standard input, so the run keeps no copy.
std::optional<std::vector<LintInput>> with_stdin_read(const std::vector<LintInput>& inputs,
                                                      const LintOptions& options) {
  auto unread_stdin = [](const LintInput& input) {
    return !input.has_text && input.path == "-" && input.read_error.empty();
  };
  if (std::none_of(inputs.begin(), inputs.end(), unread_stdin)) return std::nullopt;
  std::vector<LintInput> read = inputs;
  for (LintInput& input : read) {
    if (!unread_stdin(input)) continue;
    std::optional<std::string> text = read_whole_file("-", options.max_file_bytes, input.read_error);
    if (!text) continue;
    input.text = std::move(*text);
    input.has_text = true;
  }
  return read;
}

}  // namespace

LintResult lint(const std::vector<LintInput>& inputs, const LintOptions& options) {
  std::vector<Finding> findings;
  CollectingSink sink(findings);
  LintResult result = lint(inputs, options, sink);
  result.findings = std::move(findings);
  return result;
}

// Two passes, so that memory does not grow with the input beyond what rules
// look up across files: the first gathers that (first_pass()), the second
// loads, checks, reports and drops each file in turn.
LintResult lint(const std::vector<LintInput>& given, const LintOptions& options,
                FindingSink& sink) {
  const std::optional<std::vector<LintInput>> stdin_read = with_stdin_read(given, options);
  const std::vector<LintInput>& inputs = stdin_read ? *stdin_read : given;
  LintResult result;
  sink.start(result.errors);
  std::vector<std::string> file_names;
  for (const LintInput& input : inputs) file_names.push_back(input.display_name);
  CrossFileObjects cross_file = first_pass(inputs, options);
  const RuleCatalog& catalog = builtin_rule_headers();
  RuleRunner rules(cross_file.objects, std::move(cross_file.workloads), file_names, options.rules,
                   options.selection, catalog);
  Suppressions suppressions(SuppressionInputs{options.suppressions, options.selection, catalog});
  // The cross-file objects come from the first pass, each file's others from the second.
  const CrossObjectSlices cross_slices(cross_file.objects);
  auto check = [&](const std::vector<size_t>& group) {
    CheckedFiles checked;
    std::vector<LoadedFile> loaded;
    for (size_t file : group) {
      loaded.push_back(
          load_input(inputs[file], file, options, std::move(cross_file.preloaded[file])));
    }
    std::vector<ObjectSlice> objects;
    std::vector<const std::vector<SuppressionComment>*> comments;
    std::vector<const std::vector<HelmSource>*> helm_sources;
    for (size_t k = 0; k < group.size(); ++k) {
      LoadedFile& file = loaded[k];
      ObjectSlice slice = cross_slices.of_file(group[k]);
      slice.workloads = file.manifests.workloads;
      slice.pod_security_policies = file.manifests.pod_security_policies;
      objects.push_back(slice);
      comments.push_back(&file.comments);
      helm_sources.push_back(&file.helm_sources);
      checked.files_read += file.read;
      checked.counts += file.counts;
      checked.errors.insert(checked.errors.end(), file.errors.begin(), file.errors.end());
    }
    checked.findings = check_objects(rules, suppressions, file_names[group.front()], objects,
                                     comments, helm_sources);
    return checked;
  };
  // A group weighs the bytes left to parse, and a sixteenth of the others
  // for reading and scanning them.
  std::vector<std::vector<size_t>> groups = files_by_name(file_names);
  std::vector<uint64_t> weights = cross_file.input_bytes;
  for (size_t file = 0; file < weights.size(); ++file) {
    const PreloadedDocuments* preloaded = cross_file.preloaded[file].get();
    uint64_t done = std::min(weights[file], preloaded ? preloaded->range_bytes : 0);
    weights[file] -= done - done / 16;
  }
  auto weight = [&](const std::vector<size_t>& group) {
    uint64_t bytes = 0;
    for (size_t file : group) bytes += weights[file];
    return bytes;
  };
  uint64_t largest = 0;
  for (const std::vector<size_t>& group : groups) largest = std::max(largest, weight(group));
  check_and_report(groups, options, check, weight, byte_window(largest, options.jobs), sink,
                   result);
  return result;
}

LintResult check_run(const LoadedRun& run, const LintOptions& options) {
  std::vector<Finding> findings;
  CollectingSink sink(findings);
  LintResult result = check_run(run, options, sink);
  result.findings = std::move(findings);
  return result;
}

LintResult check_run(const LoadedRun& run, const LintOptions& options, FindingSink& sink) {
  LintResult result;
  result.errors = run.errors;
  result.summary = run.counts;
  sink.start(result.errors);
  const RuleCatalog& catalog = builtin_rule_headers();
  std::vector<WorkloadSketch> workloads;
  for (const Manifests& file : run.file_objects) {
    std::vector<WorkloadSketch> sketches = running_workload_sketches(file.workloads);
    workloads.insert(workloads.end(), std::make_move_iterator(sketches.begin()),
                     std::make_move_iterator(sketches.end()));
  }
  RuleRunner rules(run.cross_objects, std::move(workloads), run.file_names, options.rules,
                   options.selection, catalog);
  Suppressions suppressions(SuppressionInputs{options.suppressions, options.selection, catalog});
  const CrossObjectSlices cross_slices(run.cross_objects);
  auto check = [&](const std::vector<size_t>& group) {
    std::vector<ObjectSlice> objects;
    std::vector<const std::vector<SuppressionComment>*> comments;
    std::vector<const std::vector<HelmSource>*> helm_sources;
    for (size_t file : group) {
      ObjectSlice& slice = objects.emplace_back(cross_slices.of_file(file));
      slice.workloads = run.file_objects[file].workloads;
      slice.pod_security_policies = run.file_objects[file].pod_security_policies;
      comments.push_back(&run.comments[file]);
      helm_sources.push_back(&run.helm_sources[file]);
    }
    CheckedFiles checked;
    checked.findings = check_objects(rules, suppressions, run.file_names[group.front()], objects,
                                     comments, helm_sources);
    return checked;
  };
  // Loaded already: every group weighs the same, and the window is 16 per thread.
  auto weight = [](const std::vector<size_t>&) { return uint64_t{1}; };
  check_and_report(files_by_name(run.file_names), options, check, weight,
                   16 * std::max(options.jobs, 1u), sink, result);
  return result;
}

}  // namespace kube_harden
