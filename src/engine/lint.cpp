#include "kube_harden/lint.h"

#include <algorithm>
#include <future>
#include <iterator>
#include <map>
#include <optional>

#include "catalog/rule_headers.h"
#include "engine/file_reader.h"
#include "engine/helm_sources.h"
#include "engine/largest_first.h"
#include "engine/parallel_for.h"
#include "engine/rule_runner.h"
#include "engine/suppression_comments.h"
#include "engine/suppressions.h"
#include "kube_harden/model_builder.h"
#include "kube_harden/yaml_loader.h"

namespace kube_harden {
namespace {

// What loading one input produced; kept per input so merging is in input order.
struct LoadedFile {
  bool read = false;
  Manifests manifests;
  DocumentCounts counts;
  std::vector<SuppressionComment> comments;
  std::vector<HelmSource> helm_sources;
  std::optional<InputError> error;
};

LoadedFile load_input(const LintInput& input, size_t file_index, const LintOptions& options) {
  LoadedFile loaded;
  std::optional<std::string> from_disk;
  std::string_view text = input.text;
  if (!input.has_text) {
    std::string read_error;
    from_disk = read_whole_file(input.path, options.max_file_bytes, read_error);
    if (!from_disk) {
      loaded.error = InputError{input.display_name, {}, read_error};
      return loaded;
    }
    text = *from_disk;
  }
  loaded.read = true;
  if (options.suppressions.in_source) loaded.comments = scan_suppression_comments(text);
  loaded.helm_sources = scan_helm_sources(text);
  YamlLoadResult yaml = load_yaml(text, options.yaml_limits);
  if (yaml.error) {
    loaded.error = InputError{input.display_name, yaml.error->position,
                              "invalid YAML: " + yaml.error->message};
  }
  build_manifests(yaml.file, file_index, loaded.manifests, loaded.counts);
  return loaded;
}

// Loads every input on `jobs` threads; the result does not depend on `jobs`
// or on the order inputs are taken in, as each lands at its own index.
std::vector<LoadedFile> load_all(const std::vector<LintInput>& inputs, const LintOptions& options) {
  std::vector<LoadedFile> loaded(inputs.size());
  if (options.jobs <= 1 || inputs.size() <= 1) {
    for (size_t i = 0; i < inputs.size(); ++i) loaded[i] = load_input(inputs[i], i, options);
    return loaded;
  }
  std::vector<size_t> order = largest_first(inputs);
  parallel_for(order.size(), options.jobs, [&](size_t k) {
    loaded[order[k]] = load_input(inputs[order[k]], order[k], options);
  });
  return loaded;
}

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

// Every input loaded and merged: the objects of all files, and per file its
// name, suppression comments and Helm sources. Counts and errors go to `result`.
struct LoadedRun {
  Manifests manifests;
  std::vector<std::string> file_names;
  std::vector<std::vector<SuppressionComment>> comments;
  std::vector<std::vector<HelmSource>> helm_sources;
};

LoadedRun load_run(const std::vector<LintInput>& inputs, const LintOptions& options,
                   LintResult& result) {
  LoadedRun run;
  std::vector<LoadedFile> loaded = load_all(inputs, options);
  std::vector<Manifests*> parts;
  for (size_t i = 0; i < loaded.size(); ++i) {
    run.file_names.push_back(inputs[i].display_name);
    LoadedFile& file = loaded[i];
    if (file.read) ++result.summary.files;
    if (file.error) result.errors.push_back(std::move(*file.error));
    result.summary.documents += file.counts.documents;
    result.summary.objects += file.counts.objects;
    result.summary.skipped += file.counts.skipped;
    parts.push_back(&file.manifests);
    run.comments.push_back(std::move(file.comments));
    run.helm_sources.push_back(std::move(file.helm_sources));
  }
  run.manifests = merge_manifests(parts);
  return run;
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
  std::vector<Finding> findings;
  CollectingSink sink(findings);
  LintResult result = lint(inputs, options, sink);
  result.findings = std::move(findings);
  return result;
}

LintResult lint(const std::vector<LintInput>& inputs, const LintOptions& options,
                FindingSink& sink) {
  LintResult result;
  LoadedRun run = load_run(inputs, options, result);
  const Manifests& manifests = run.manifests;
  const std::vector<std::string>& file_names = run.file_names;
  const std::vector<std::vector<HelmSource>>& helm_sources = run.helm_sources;
  sink.start(result.errors);

  const RuleCatalog& catalog = builtin_rule_headers();
  RuleRunner rules(manifests, file_names, options.rules, options.selection, catalog);
  Suppressions suppressions(SuppressionInputs{manifests, file_names, run.comments,
                                              options.suppressions, options.selection, catalog});
  std::vector<ObjectSlice> slices = slices_by_file(manifests, file_names.size());
  std::optional<BaselineFilter> baseline;
  if (options.baseline) baseline.emplace(*options.baseline);

  // The findings of one name's files, ready to report but for the baseline,
  // which must see them in output order.
  auto check_files = [&](const std::vector<size_t>& files) {
    std::vector<Finding> findings;
    for (size_t file : files) {
      std::vector<Finding> found = rules.run(slices[file]);
      findings.insert(findings.end(), std::make_move_iterator(found.begin()),
                      std::make_move_iterator(found.end()));
    }
    suppressions.apply(file_names[files.front()], findings);
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
