#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "kube_harden/finding.h"

namespace kube_harden {

inline constexpr int kBaselineFormatVersion = 1;

// Findings a team has recorded as known, by stable_fingerprint: rule, object
// identity, container and field path, never line or file, so a baseline
// survives inserted lines, moved objects and reordered files.
struct Baseline {
  std::string file;
  std::map<std::string, size_t> fingerprints;  // fingerprint -> how many findings
  size_t entries = 0;
};

// Reads a baseline written by write_baseline; on failure returns nullopt and
// sets `error` to a message naming the file.
std::optional<Baseline> read_baseline(const std::string& path, std::string& error);

// Writes the unsuppressed findings as a baseline (JSON, sorted, deterministic).
void write_baseline(std::ostream& out, const std::vector<Finding>& findings);

}  // namespace kube_harden
