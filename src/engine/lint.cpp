#include "kube_harden/lint.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "engine/file_reader.h"
#include "engine/rule_runner.h"
#include "kube_harden/model_builder.h"
#include "kube_harden/yaml_loader.h"

namespace kube_harden {
namespace {

// What loading one input produced; kept per input so merging is in input order.
struct LoadedFile {
  bool read = false;
  Manifests manifests;
  DocumentCounts counts;
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
  YamlLoadResult yaml = load_yaml(text, options.yaml_limits);
  if (yaml.error) {
    loaded.error = InputError{input.display_name, yaml.error->position,
                              "invalid YAML: " + yaml.error->message};
  }
  build_manifests(yaml.file, file_index, loaded.manifests, loaded.counts);
  return loaded;
}

// Loads every input on `jobs` threads; the result does not depend on `jobs`.
std::vector<LoadedFile> load_all(const std::vector<LintInput>& inputs, const LintOptions& options) {
  std::vector<LoadedFile> loaded(inputs.size());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < inputs.size(); i = next++)
      loaded[i] = load_input(inputs[i], i, options);
  };
  unsigned threads = std::clamp<unsigned>(options.jobs, 1, std::max<size_t>(inputs.size(), 1));
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  return loaded;
}

}  // namespace

LintResult lint(const std::vector<LintInput>& inputs, const LintOptions& options) {
  LintResult result;
  Manifests manifests;
  std::vector<std::string> file_names;
  std::vector<LoadedFile> loaded = load_all(inputs, options);
  for (size_t i = 0; i < loaded.size(); ++i) {
    file_names.push_back(inputs[i].display_name);
    LoadedFile& file = loaded[i];
    if (file.read) ++result.summary.files;
    if (file.error) result.errors.push_back(std::move(*file.error));
    result.summary.documents += file.counts.documents;
    result.summary.objects += file.counts.objects;
    result.summary.skipped += file.counts.skipped;
    manifests.append(std::move(file.manifests));
  }
  result.findings = run_rules(manifests, file_names, options.rules, RuleCatalog::builtin());
  std::stable_sort(result.findings.begin(), result.findings.end(), finding_order);
  for (const Finding& finding : result.findings) {
    ++result.summary.findings_by_severity[static_cast<size_t>(finding.severity)];
  }
  return result;
}

}  // namespace kube_harden
