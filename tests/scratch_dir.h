// A scratch directory for tests that need files on disk.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace kube_harden::testing_support {

// One directory per test process, so parallel test processes never collide,
// removed when the process exits so repeated runs do not fill /tmp.
inline const std::filesystem::path& scratch_dir() {
  struct RemovedAtExit {
    std::filesystem::path path;
    ~RemovedAtExit() {
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
  };
  static const RemovedAtExit dir{[] {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("kube-harden-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(path);
    return path;
  }()};
  return dir.path;
}

}  // namespace kube_harden::testing_support
