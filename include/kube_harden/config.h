#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kube_harden/finding.h"
#include "kube_harden/k8s_version.h"
#include "kube_harden/position.h"
#include "kube_harden/rule.h"
#include "kube_harden/rule_metadata.h"
#include "kube_harden/rule_selection.h"
#include "kube_harden/severity.h"
#include "kube_harden/suppression.h"

namespace kube_harden {

inline constexpr const char* kConfigFileName = ".kube-harden.yaml";

// What a .kube-harden.yaml says; every field is optional and the command line wins.
struct Config {
  std::string file;  // as found, for messages
  std::filesystem::path directory;  // exclude globs are relative to it
  // Empty optional: not set. nullopt inside: "never".
  std::optional<std::optional<Severity>> fail_on;
  std::optional<PssLevel> pss_level;
  std::optional<K8sVersion> k8s_version;
  std::optional<std::string> default_namespace;
  RuleSelection selection;
  std::set<std::string, std::less<>> unsuppressible;
  RuleParameters parameters;
  std::vector<std::string> exclude;
  std::vector<Exemption> exemptions;
  std::optional<bool> inline_suppressions;
};

struct ConfigError {
  std::string file;
  Position position;
  std::string message;
};

struct ConfigLoadResult {
  Config config;
  std::vector<ConfigError> errors;  // any error makes the whole file unusable
};

// .kube-harden.yaml in `start` or the nearest parent directory that has one.
std::optional<std::filesystem::path> find_config_file(const std::filesystem::path& start);

// Reads a config file strictly: unknown keys, wrong types and unknown rule
// ids are errors naming file:line:col.
ConfigLoadResult load_config_file(const std::filesystem::path& path, const RuleCatalog& catalog);
ConfigLoadResult parse_config(std::string_view text, const std::string& file_name,
                              const RuleCatalog& catalog);

// The commented default that `kube-harden config init` writes.
std::string default_config_text();

}  // namespace kube_harden
