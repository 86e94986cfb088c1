// kh-docgen DIR: writes DIR/<id>.md for every built-in rule and DIR/README.md,
// an index of them, and deletes pages of rules that no longer exist.
#include <fmt/format.h>

#include <exception>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

#include "catalog/rule_doc.h"  // kh-docgen does not get src/ as an include path
#include "kube_harden/report.h"
#include "kube_harden/rule_metadata.h"

namespace fs = std::filesystem;
using kube_harden::RuleCatalog;
using kube_harden::RuleMetadata;

namespace {

constexpr const char* kIndexName = "README.md";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Leaves files whose content is already right untouched, so their timestamps
// do not make downstream builds or editors think they changed.
bool write_if_changed(const fs::path& path, const std::string& content) {
  if (fs::exists(path) && read_file(path) == content) return false;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path.string());
  return true;
}

int generate(const fs::path& dir) {
  const RuleCatalog& catalog = RuleCatalog::builtin();
  fs::create_directories(dir);

  std::set<std::string> expected = {kIndexName};
  size_t written = 0;
  for (const RuleMetadata& rule : catalog.rules()) {
    std::string name = rule.id + ".md";
    expected.insert(name);
    written += write_if_changed(dir / name, kube_harden::render_rule_markdown(rule));
  }
  written += write_if_changed(dir / kIndexName, kube_harden::render_rule_index_markdown(catalog));

  std::set<fs::path> stale;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    const fs::path& path = entry.path();
    if (entry.is_regular_file() && path.extension() == ".md" &&
        !expected.contains(path.filename().string())) {
      stale.insert(path);
    }
  }
  for (const fs::path& path : stale) {
    fs::remove(path);
    fmt::print("kh-docgen: removed {}\n", path.string());
  }
  fmt::print("kh-docgen: {} rule pages and the index in {} ({} updated, {} removed)\n",
             catalog.rules().size(), dir.string(), written, stale.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    fmt::print(stderr, "usage: kh-docgen DIR\n");
    return 2;
  }
  try {
    return generate(argv[1]);
  } catch (const std::exception& error) {
    fmt::print(stderr, "kh-docgen: {}\n", error.what());
    return 1;
  }
}
