// Micro-benchmarks of the pipeline's stages (Google Benchmark), on the files
// of one corpus held in memory: KH_BENCH_CORPUS, default ../shared/corpus.
//
//   build-bench/tests/bench/kh-bench --benchmark_filter=Load
//
// Each benchmark processes every file once per iteration and reports bytes/s
// and items/s (files), so stages compare directly with the event-parse floor.
#include <benchmark/benchmark.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/embedded_rules.h"
#include "engine/rule_runner.h"
#include "event_floor.h"
#include "kube_harden/lint.h"
#include "kube_harden/model_builder.h"
#include "kube_harden/rule_metadata.h"
#include "kube_harden/yaml_loader.h"

namespace kh = kube_harden;

namespace {

using kube_harden::bench::NullHandler;
using kube_harden::bench::ViewStreamBuffer;

struct Corpus {
  std::vector<std::string> names;
  std::vector<std::string> texts;
  size_t bytes = 0;
};

const Corpus& corpus() {
  static const Corpus loaded = [] {
    Corpus c;
    const char* dir = std::getenv("KH_BENCH_CORPUS");
    std::string root = dir ? dir : KH_SOURCE_DIR "/../shared/corpus";
    std::vector<kh::InputError> errors;
    for (const kh::LintInput& input : kh::collect_inputs({root}, errors)) {
      std::ifstream in(input.path, std::ios::binary);
      c.names.push_back(input.display_name);
      c.texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      c.bytes += c.texts.back().size();
    }
    return c;
  }();
  return loaded;
}

void set_counters(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus().bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * corpus().texts.size()));
}

// The floor: yaml-cpp's scanner and parser with nothing built.
void BM_EventParseFloor(benchmark::State& state) {
  for (auto _ : state) {
    for (const std::string& text : corpus().texts) {
      ViewStreamBuffer buffer(text);
      std::istream stream(&buffer);
      try {
        YAML::Parser parser(stream);
        NullHandler handler;
        while (parser.HandleNextDocument(handler)) {
        }
      } catch (const YAML::Exception&) {
      }
    }
  }
  set_counters(state);
}
BENCHMARK(BM_EventParseFloor)->Unit(benchmark::kMillisecond);

// The least a first pass over the text can cost: every line visited once,
// its indentation and key found, top-level kinds counted. A pre-pass that
// gathers the cross-object model from block YAML before the real parse would
// do at least this much (docs/performance.md, "What is missing").
void BM_LineScanFloor(benchmark::State& state) {
  for (auto _ : state) {
    size_t keys = 0;
    size_t kinds = 0;
    for (const std::string& text : corpus().texts) {
      std::string_view rest = text;
      while (!rest.empty()) {
        size_t end = rest.find('\n');
        std::string_view line = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        size_t indent = line.find_first_not_of(' ');
        if (indent == std::string_view::npos || line[indent] == '#') continue;
        std::string_view body = line.substr(indent);
        if (body.starts_with("- ")) body.remove_prefix(2);
        if (body.find(": ") != std::string_view::npos || body.ends_with(':')) ++keys;
        if (indent == 0 && body.starts_with("kind:")) ++kinds;
      }
    }
    benchmark::DoNotOptimize(keys + kinds);
  }
  set_counters(state);
}
BENCHMARK(BM_LineScanFloor)->Unit(benchmark::kMillisecond);

// kube-harden's loader: text checks, positions, our tree, duplicates, merges.
void BM_LoadYaml(benchmark::State& state) {
  for (auto _ : state) {
    for (const std::string& text : corpus().texts) {
      kh::YamlLoadResult result = kh::load_yaml(text);
      benchmark::DoNotOptimize(result.file.documents.data());
    }
  }
  set_counters(state);
}
BENCHMARK(BM_LoadYaml)->Unit(benchmark::kMillisecond);

std::vector<kh::YamlLoadResult> loaded_corpus() {
  std::vector<kh::YamlLoadResult> trees;
  // Reserved: a YamlFile must not be copied, its nodes point into its arena.
  trees.reserve(corpus().texts.size());
  for (const std::string& text : corpus().texts) trees.push_back(kh::load_yaml(text));
  return trees;
}

// Tree -> typed model, trees already loaded.
void BM_BuildModel(benchmark::State& state) {
  std::vector<kh::YamlLoadResult> trees = loaded_corpus();
  for (auto _ : state) {
    kh::Manifests manifests;
    kh::DocumentCounts counts;
    for (size_t i = 0; i < trees.size(); ++i) {
      kh::build_manifests(trees[i].file, i, manifests, counts);
    }
    benchmark::DoNotOptimize(manifests.workloads.data());
  }
  set_counters(state);
}
BENCHMARK(BM_BuildModel)->Unit(benchmark::kMillisecond);

// Every rule over the model of the whole corpus.
void BM_RunRules(benchmark::State& state) {
  std::vector<kh::YamlLoadResult> trees = loaded_corpus();
  kh::Manifests manifests;
  kh::DocumentCounts counts;
  for (size_t i = 0; i < trees.size(); ++i)
    kh::build_manifests(trees[i].file, i, manifests, counts);
  trees.clear();
  const kh::LintOptions options;
  const kh::RuleCatalog& catalog = kh::RuleCatalog::builtin();
  for (auto _ : state) {
    kh::RuleRunner runner(manifests, kh::running_workload_sketches(manifests.workloads),
                          corpus().names, options.rules, options.selection, catalog);
    std::vector<kh::Finding> findings = runner.run(kh::whole(manifests));
    benchmark::DoNotOptimize(findings.data());
  }
  set_counters(state);
}
BENCHMARK(BM_RunRules)->Unit(benchmark::kMillisecond);

// The whole library pipeline on in-memory inputs, one thread.
void BM_LintInMemory(benchmark::State& state) {
  std::vector<kh::LintInput> inputs;
  for (size_t i = 0; i < corpus().texts.size(); ++i) {
    inputs.push_back(kh::LintInput{corpus().names[i], corpus().names[i], true, corpus().texts[i]});
  }
  kh::LintOptions options;
  options.jobs = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    kh::LintResult result = kh::lint(inputs, options);
    benchmark::DoNotOptimize(result.findings.data());
  }
  set_counters(state);
}
BENCHMARK(BM_LintInMemory)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// What start-up pays when it needs the whole rule catalogue (SARIF, explain).
void BM_CatalogParse(benchmark::State& state) {
  for (auto _ : state) {
    size_t rules = 0;
    for (const kh::EmbeddedRuleFile& file : kh::embedded_rule_files()) {
      kh::RuleMetadata rule =
          kh::RuleCatalog::parse("rules/" + std::string(file.file_name), file.text);
      rules += rule.id.size();
    }
    benchmark::DoNotOptimize(rules);
  }
}
BENCHMARK(BM_CatalogParse)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
