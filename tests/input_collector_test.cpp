#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "kube_harden/lint.h"
#include "scratch_dir.h"

namespace kube_harden {
namespace {

namespace fs = std::filesystem;

fs::path fresh_dir(const std::string& name) {
  fs::path dir = testing_support::scratch_dir() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void touch(const fs::path& file) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << "kind: ConfigMap\n";
}

// The inputs found under `root`, relative to it.
std::vector<std::string> found(const fs::path& root, unsigned jobs,
                               std::vector<InputError>& errors) {
  std::vector<std::string> names;
  for (const LintInput& input : collect_inputs({root.string()}, errors, jobs)) {
    EXPECT_EQ(input.display_name, input.path);
    names.push_back(fs::path(input.path).lexically_relative(root).string());
  }
  return names;
}

// Subdirectories are walked on several threads: what is found, and its
// order, must not depend on how many.
TEST(CollectInputs, FindsTheSameManifestsInNameOrderOnAnyNumberOfThreads) {
  fs::path root = fresh_dir("walk");
  for (const char* file :
       {"z.yaml", "a.yml", "notes.txt", "b/deep/er/c.json", "b/x.yaml", "c/.git/hooks/h.yaml",
        ".git/config.yaml", "d/e.yaml", "e/.hg/x.yaml", "e/.svn/y.yaml", "e/f.YAML"}) {
    touch(root / file);
  }
  fs::create_directory_symlink(root / "b", root / "link-to-b");  // not followed
  fs::create_symlink(root / "z.yaml", root / "link-to-z.yaml");  // a file: read
  const std::vector<std::string> expected = {"a.yml",    "b/deep/er/c.json", "b/x.yaml",
                                             "d/e.yaml", "link-to-z.yaml",   "z.yaml"};
  for (unsigned jobs : {1u, 2u, 7u}) {
    std::vector<InputError> errors;
    EXPECT_EQ(found(root, jobs, errors), expected) << jobs << " threads";
    EXPECT_TRUE(errors.empty()) << jobs << " threads";
  }
}

TEST(CollectInputs, ADirectoryLinkLoopDoesNotTrapAnyThread) {
  fs::path root = fresh_dir("walk-loop");
  touch(root / "a" / "pod.yaml");
  fs::create_directory_symlink(root, root / "a" / "again");
  fs::create_directory_symlink(root, root / "again");
  for (unsigned jobs : {1u, 2u}) {
    std::vector<InputError> errors;
    EXPECT_EQ(found(root, jobs, errors), std::vector<std::string>{"a/pod.yaml"});
  }
}

}  // namespace
}  // namespace kube_harden
