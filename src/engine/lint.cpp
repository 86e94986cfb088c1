#include "kube_harden/lint.h"

#include <algorithm>
#include <future>
#include <iterator>
#include <map>
#include <optional>

#include "catalog/rule_headers.h"
#include "engine/lint_run.h"
#include "engine/parallel_for.h"
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

}  // namespace

LintResult lint(const std::vector<LintInput>& inputs, const LintOptions& options) {
  return check_run(load_run(inputs, options), options);
}

LintResult lint(const std::vector<LintInput>& inputs, const LintOptions& options,
                FindingSink& sink) {
  return check_run(load_run(inputs, options), options, sink);
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
  const std::vector<std::string>& file_names = run.file_names;
  const std::vector<std::vector<HelmSource>>& helm_sources = run.helm_sources;
  sink.start(result.errors);

  const RuleCatalog& catalog = builtin_rule_headers();
  std::vector<WorkloadSketch> workloads;
  for (const Manifests& file : run.file_objects) {
    std::vector<WorkloadSketch> sketches = running_workload_sketches(file.workloads);
    workloads.insert(workloads.end(), std::make_move_iterator(sketches.begin()),
                     std::make_move_iterator(sketches.end()));
  }
  RuleRunner rules(run.cross_objects, std::move(workloads), file_names, options.rules,
                   options.selection, catalog);
  Suppressions suppressions(SuppressionInputs{options.suppressions, options.selection, catalog});
  std::vector<ObjectSlice> slices = slices_by_file(run.cross_objects, run.file_objects);
  std::optional<BaselineFilter> baseline;
  if (options.baseline) baseline.emplace(*options.baseline);

  // The findings of one name's files, ready to report but for the baseline,
  // which must see them in output order.
  auto check_files = [&](const std::vector<size_t>& files) {
    std::vector<Finding> findings;
    std::vector<ObjectSlice> objects;
    std::vector<const std::vector<SuppressionComment>*> comments;
    for (size_t file : files) {
      std::vector<Finding> found = rules.run(slices[file]);
      findings.insert(findings.end(), std::make_move_iterator(found.begin()),
                      std::make_move_iterator(found.end()));
      objects.push_back(slices[file]);
      comments.push_back(&run.comments[file]);
    }
    suppressions.apply(file_names[files.front()], {objects, comments}, findings);
    for (size_t file : files) map_to_helm_sources(file_names[file], helm_sources[file], findings);
    sort_findings(findings);
    return findings;
  };
  // Files are checked a window at a time on the thread pool, and reported
  // in order: only two windows' findings are held at once.
  std::vector<std::vector<size_t>> groups = files_by_name(file_names);
  const size_t window = std::max<size_t>(options.jobs, 1) * 16;
  using Checked = std::vector<std::vector<Finding>>;
  auto check_window = [&](size_t first) {
    Checked checked(std::min(window, groups.size() - first));
    parallel_for(checked.size(), options.jobs,
                 [&](size_t i) { checked[i] = check_files(groups[first + i]); });
    return checked;
  };
  auto report = [&](Checked& checked) {
    for (std::vector<Finding>& findings : checked) {
      if (baseline) baseline->apply(findings);
      count_into(result.summary, findings);
      sink.add(findings);
      std::vector<Finding>().swap(findings);
    }
  };
  if (options.jobs <= 1) {
    for (size_t first = 0; first < groups.size(); first += window) {
      Checked checked = check_window(first);
      report(checked);
    }
  } else if (!groups.empty()) {
    // The next window is checked while this one is written out, so the
    // threads never wait for the report.
    std::future<Checked> next = std::async(std::launch::async, check_window, 0);
    for (size_t first = 0; first < groups.size(); first += window) {
      Checked checked = next.get();
      if (first + window < groups.size()) {
        next = std::async(std::launch::async, check_window, first + window);
      }
      report(checked);
    }
  }
  if (baseline) result.baseline = baseline->summary();
  return result;
}

}  // namespace kube_harden
