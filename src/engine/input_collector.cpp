#include <algorithm>
#include <filesystem>
#include <iterator>
#include <system_error>

#include "engine/parallel_for.h"
#include "kube_harden/lint.h"

namespace kube_harden {
namespace {

namespace fs = std::filesystem;

bool is_manifest_name(const fs::path& path) {
  std::string extension = path.extension().string();
  return extension == ".yaml" || extension == ".yml" || extension == ".json";
}

// Version-control metadata never holds manifests and can be large.
bool is_vcs_directory(const fs::path& path) {
  std::string name = path.filename().string();
  return name == ".git" || name == ".hg" || name == ".svn";
}

LintInput file_input(const std::string& path) {
  return LintInput{path, path, false, {}, {}};
}

// The manifests of one directory tree, and the error that stopped its walk.
// .git, .hg and .svn are skipped; directory symlinks are not followed, so
// link loops cannot trap us.
struct WalkedTree {
  std::vector<std::string> files;
  std::error_code error;
};

WalkedTree walk_tree(const fs::path& root) {
  WalkedTree tree;
  std::error_code& error = tree.error;
  fs::recursive_directory_iterator it(root, fs::directory_options::none, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    const fs::directory_entry& entry = *it;
    std::error_code type_error;
    if (entry.is_directory(type_error) && is_vcs_directory(entry.path())) {
      it.disable_recursion_pending();
      continue;
    }
    if (entry.is_regular_file(type_error) && is_manifest_name(entry.path())) {
      tree.files.push_back(entry.path().string());
    }
  }
  return tree;
}

// Walks a directory for manifests, sorted so that output does not depend on
// the file system's order. Its subdirectories' trees are walked on up to
// `jobs` threads: the walk is system calls, 5 ms for the 500 directories of
// ../shared/corpus, and would be most of what a second thread cannot share.
void collect_directory(const fs::path& root, unsigned jobs, std::vector<LintInput>& inputs,
                       std::vector<InputError>& errors) {
  WalkedTree top;
  std::vector<fs::path> subdirectories;
  fs::directory_iterator it(root, top.error);
  for (; !top.error && it != fs::directory_iterator(); it.increment(top.error)) {
    const fs::directory_entry& entry = *it;
    std::error_code type_error;
    if (entry.is_directory(type_error)) {
      if (!entry.is_symlink(type_error) && !is_vcs_directory(entry.path())) {
        subdirectories.push_back(entry.path());
      }
    } else if (entry.is_regular_file(type_error) && is_manifest_name(entry.path())) {
      top.files.push_back(entry.path().string());
    }
  }
  std::vector<WalkedTree> trees(subdirectories.size());
  parallel_for(trees.size(), jobs, [&](size_t i) { trees[i] = walk_tree(subdirectories[i]); });
  std::vector<std::string> files = std::move(top.files);
  std::error_code error = top.error;
  for (WalkedTree& tree : trees) {
    files.insert(files.end(), std::make_move_iterator(tree.files.begin()),
                 std::make_move_iterator(tree.files.end()));
    if (!error) error = tree.error;
  }
  if (error) {
    errors.push_back(InputError{root.string(), {}, "cannot read directory: " + error.message()});
  }
  std::sort(files.begin(), files.end());
  // A run keeps its inputs to its end: no room to spare at 100,000 files.
  inputs.reserve(inputs.size() + files.size());
  for (const std::string& file : files) inputs.push_back(file_input(file));
}

}  // namespace

std::vector<LintInput> collect_inputs(const std::vector<std::string>& paths,
                                      std::vector<InputError>& errors, unsigned jobs) {
  std::vector<LintInput> inputs;
  for (const std::string& path : paths) {
    if (path == "-") {
      inputs.push_back(LintInput{"<stdin>", "-", false, {}, {}});
      continue;
    }
    std::error_code error;
    fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      errors.push_back(InputError{path, {}, "no such file or directory"});
    } else if (fs::is_directory(status)) {
      collect_directory(path, jobs, inputs, errors);
    } else if (!fs::is_regular_file(status)) {
      errors.push_back(
          InputError{path, {}, "not a regular file (a FIFO, device or socket); skipped"});
    } else {
      inputs.push_back(file_input(path));
    }
  }
  return inputs;
}

}  // namespace kube_harden
