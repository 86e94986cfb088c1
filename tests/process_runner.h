// Runs the real kube-harden binary for end-to-end tests.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "scratch_dir.h"

namespace kube_harden::testing_support {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs `command` (a shell command line) and captures both streams.
inline ProcessResult run_command(const std::string& command_line,
                                 const std::string& stdin_file = "") {
  std::filesystem::path err_file = scratch_dir() / "stderr.txt";
  std::string command = command_line + " 2>" + err_file.string();
  if (!stdin_file.empty()) command += " <" + stdin_file;
  ProcessResult run;
  FILE* pipe = ::popen(command.c_str(), "r");
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
  int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.err = read_file(err_file);
  return run;
}

// Runs kube-harden with `args` (shell words).
inline ProcessResult kube_harden(const std::string& args, const std::string& stdin_file = "") {
  return run_command(std::string(KH_BINARY) + " " + args, stdin_file);
}

}  // namespace kube_harden::testing_support
