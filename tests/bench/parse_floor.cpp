// The yardstick for issue 8: how fast yaml-cpp alone reads a set of manifests.
//
//   kh-parse-floor [--mode events|loadall|load|model] [--jobs N] PATH...
//
// Inputs are found exactly as `kube-harden lint` finds them. Each file is read
// into memory and handed to
//   events   yaml-cpp's event parser with a handler that does nothing: the floor
//            for any design built on yaml-cpp;
//   loadall  YAML::LoadAll, yaml-cpp's own node trees, for comparison;
//   load     kube-harden's loader (load_yaml), trees freed per file;
//   model    load_yaml and build_manifests, the model kept as lint keeps it.
// It prints one line of counts and the seconds spent after start-up, so a
// script can set them next to whole-process timings of the linter.
#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <istream>
#include <iterator>
#include <streambuf>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "engine/largest_first.h"
#include "event_floor.h"
#include "kube_harden/lint.h"
#include "kube_harden/model_builder.h"
#include "kube_harden/yaml_loader.h"

namespace {

using kube_harden::bench::NullHandler;
using kube_harden::bench::ViewStreamBuffer;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct Counts {
  size_t files = 0;
  size_t bytes = 0;
  size_t documents = 0;
  size_t objects = 0;
  size_t errors = 0;
};

void parse_one(const std::string& mode, const std::string& path, Counts& counts,
               kube_harden::Manifests& model) {
  std::string text = read_file(path);
  ++counts.files;
  counts.bytes += text.size();
  try {
    if (mode == "events") {
      ViewStreamBuffer buffer(text);
      std::istream stream(&buffer);
      YAML::Parser parser(stream);
      NullHandler handler;
      while (parser.HandleNextDocument(handler)) {
      }
      counts.documents += handler.documents;
    } else if (mode == "loadall") {
      counts.documents += YAML::LoadAll(text).size();
    } else {
      kube_harden::YamlLoadResult yaml = kube_harden::load_yaml(text);
      if (!yaml.errors.empty()) ++counts.errors;
      counts.documents += yaml.file.documents.size();
      if (mode == "model") {
        kube_harden::DocumentCounts document_counts;
        kube_harden::build_manifests(yaml.file, counts.files, model, document_counts);
        counts.objects += document_counts.objects;
      }
    }
  } catch (const YAML::Exception&) {
    ++counts.errors;
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = "events";
  unsigned jobs = 1;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--mode" && i + 1 < argc) {
      mode = argv[++i];
    } else if (arg == "--jobs" && i + 1 < argc) {
      jobs = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
    } else {
      paths.emplace_back(arg);
    }
  }
  if (paths.empty() ||
      (mode != "events" && mode != "loadall" && mode != "load" && mode != "model")) {
    fmt::print(stderr,
               "usage: kh-parse-floor [--mode events|loadall|load|model] [--jobs N] PATH...\n");
    return 2;
  }
  std::vector<kube_harden::InputError> input_errors;
  std::vector<kube_harden::LintInput> inputs = kube_harden::collect_inputs(paths, input_errors);

  auto start = std::chrono::steady_clock::now();
  std::vector<Counts> per_thread(jobs);
  std::vector<kube_harden::Manifests> models(jobs);
  // Largest file first, as lint takes them, so --jobs N is a fair yardstick
  // for lint's own --jobs N.
  std::vector<size_t> order = kube_harden::largest_first(inputs);
  std::atomic<size_t> next{0};
  auto worker = [&](unsigned t) {
    for (size_t k = next++; k < order.size(); k = next++) {
      parse_one(mode, inputs[order[k]].path, per_thread[t], models[t]);
    }
  };
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < jobs; ++t) pool.emplace_back(worker, t);
    worker(0);
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  Counts total;
  for (const Counts& c : per_thread) {
    total.files += c.files;
    total.bytes += c.bytes;
    total.documents += c.documents;
    total.objects += c.objects;
    total.errors += c.errors;
  }
  fmt::print(
      "mode={} jobs={} files={} bytes={} documents={} objects={} errors={} seconds={:.3f} "
      "MB/s={:.1f}\n",
      mode, jobs, total.files, total.bytes, total.documents, total.objects, total.errors, seconds,
      total.bytes / 1e6 / seconds);
  return 0;
}
