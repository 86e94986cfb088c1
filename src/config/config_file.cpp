// Reads .kube-harden.yaml strictly: a typo in a gate's configuration must
// stop the build, not silently turn a rule back on.
#include <fmt/format.h>

#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "kube_harden/config.h"
#include "kube_harden/yaml_loader.h"

namespace kube_harden {
namespace {

class ConfigReader {
 public:
  ConfigReader(const std::string& file, const RuleCatalog& catalog, ConfigLoadResult& result)
      : file_(file), catalog_(catalog), result_(result) {}

  void read_root(const YamlNode& root) {
    read_map(root, "", {
        {"failOn", [&](const YamlNode& v) { read_fail_on(v); }},
        {"pss", [&](const YamlNode& v) { read_pss(v); }},
        {"namespace", [&](const YamlNode& v) { config().default_namespace = string(v, "namespace"); }},
        {"rules", [&](const YamlNode& v) { read_rules(v); }},
        {"parameters", [&](const YamlNode& v) { read_parameters(v); }},
        {"exclude", [&](const YamlNode& v) { config().exclude = strings(v, "exclude"); }},
        {"exemptions", [&](const YamlNode& v) { read_exemptions(v); }},
        {"inlineSuppressions", [&](const YamlNode& v) { config().inline_suppressions = boolean(v, "inlineSuppressions"); }},
    });
  }

  void error(Position position, std::string message) {
    result_.errors.push_back(ConfigError{file_, position, std::move(message)});
  }

 private:
  using Handlers = std::map<std::string, std::function<void(const YamlNode&)>, std::less<>>;

  Config& config() { return result_.config; }

  void read_map(const YamlNode& node, std::string_view where, const Handlers& handlers) {
    if (!node.is_map()) {
      error(node.position, fmt::format("{} must be a mapping", where.empty() ? "the file" : where));
      return;
    }
    for (const YamlEntry& entry : node.entries) {
      auto handler = handlers.find(entry.key->scalar);
      if (handler == handlers.end()) {
        std::vector<std::string> known;
        for (const auto& [key, _] : handlers) known.push_back(key);
        error(entry.key->position,
              fmt::format("unknown key \"{}{}\"; expected one of: {}",
                          where.empty() ? "" : std::string(where) + ".", entry.key->scalar,
                          fmt::join(known, ", ")));
        continue;
      }
      handler->second(*entry.value);
    }
  }

  std::string string(const YamlNode& node, std::string_view key) {
    if (!node.is_scalar()) {
      error(node.position, fmt::format("{} must be a string", key));
      return {};
    }
    return node.scalar;
  }

  std::optional<bool> boolean(const YamlNode& node, std::string_view key) {
    if (node.is_scalar() && node.plain && (node.scalar == "true" || node.scalar == "false")) {
      return node.scalar == "true";
    }
    error(node.position, fmt::format("{} must be true or false", key));
    return std::nullopt;
  }

  std::vector<std::string> strings(const YamlNode& node, std::string_view key) {
    std::vector<std::string> values;
    if (node.is_null()) return values;
    if (!node.is_sequence()) {
      error(node.position, fmt::format("{} must be a list of strings", key));
      return values;
    }
    for (const YamlNode* item : node.items) {
      if (!item->is_scalar()) {
        error(item->position, fmt::format("{} must be a list of strings", key));
        continue;
      }
      values.push_back(item->scalar);
    }
    return values;
  }

  std::set<std::string, std::less<>> rule_ids(const YamlNode& node, std::string_view key,
                                              bool allow_wildcard = false) {
    std::set<std::string, std::less<>> ids;
    if (node.is_null()) return ids;
    if (!node.is_sequence()) {
      error(node.position, fmt::format("{} must be a list of rule ids", key));
      return ids;
    }
    for (const YamlNode* item : node.items) {
      if (!item->is_scalar()) {
        error(item->position, fmt::format("{} must be a list of rule ids", key));
      } else if (!(allow_wildcard && item->scalar == "*") && !catalog_.find(item->scalar)) {
        error(item->position, fmt::format("{}: unknown rule \"{}\"; `kube-harden rules` lists "
                                          "them all",
                                          key, item->scalar));
      } else {
        ids.insert(item->scalar);
      }
    }
    return ids;
  }

  std::optional<Severity> severity(const YamlNode& node, std::string_view key) {
    std::optional<Severity> level = node.is_scalar() ? parse_severity(node.scalar) : std::nullopt;
    if (!level) {
      error(node.position,
            fmt::format("{} must be one of critical, high, medium, low, info", key));
    }
    return level;
  }

  void read_fail_on(const YamlNode& node) {
    if (node.is_scalar() && node.scalar == "never") {
      config().fail_on = std::optional<Severity>();
    } else if (std::optional<Severity> level = severity(node, "failOn")) {
      config().fail_on = level;
    }
  }

  void read_pss(const YamlNode& node) {
    read_map(node, "pss", {
        {"level", [&](const YamlNode& v) {
           std::optional<PssLevel> level = v.is_scalar() ? parse_pss_level(v.scalar) : std::nullopt;
           if (level) {
             config().pss_level = level;
           } else {
             error(v.position, "pss.level must be baseline or restricted");
           }
         }},
        {"version", [&](const YamlNode& v) {
           config().k8s_version = v.is_scalar() ? K8sVersion::parse(v.scalar) : std::nullopt;
           if (!config().k8s_version) {
             error(v.position, "pss.version must be v1.N (for example v1.29) or latest");
           }
         }},
    });
  }

  void read_rules(const YamlNode& node) {
    RuleSelection& selection = config().selection;
    read_map(node, "rules", {
        {"only", [&](const YamlNode& v) {
           // An empty list, as `config init` writes it, means every rule.
           std::set<std::string, std::less<>> only = rule_ids(v, "rules.only");
           if (!only.empty()) selection.restrict_to(only);
         }},
        {"enable", [&](const YamlNode& v) { enabled_ = rule_ids(v, "rules.enable"); }},
        {"disable", [&](const YamlNode& v) {
           for (const std::string& id : rule_ids(v, "rules.disable")) selection.disable(id);
         }},
        {"severity", [&](const YamlNode& v) { read_severity_overrides(v); }},
        {"unsuppressible", [&](const YamlNode& v) {
           config().unsuppressible = rule_ids(v, "rules.unsuppressible");
         }},
    });
    // Same order as the flags: only, disable, then enable.
    for (const std::string& id : enabled_) selection.enable(id);
  }

  void read_severity_overrides(const YamlNode& node) {
    if (!node.is_map()) {
      error(node.position, "rules.severity must map rule ids to levels");
      return;
    }
    for (const YamlEntry& entry : node.entries) {
      if (!catalog_.find(entry.key->scalar)) {
        error(entry.key->position,
              fmt::format("rules.severity: unknown rule \"{}\"", entry.key->scalar));
      } else if (std::optional<Severity> level = severity(*entry.value, "rules.severity." + entry.key->scalar)) {
        config().selection.severity_overrides[entry.key->scalar] = *level;
      }
    }
  }

  void read_parameters(const YamlNode& node) {
    RuleParameters& parameters = config().parameters;
    read_map(node, "parameters", {
        {"allowedRegistries", [&](const YamlNode& v) {
           parameters.allowed_registries = strings(v, "parameters.allowedRegistries");
         }},
        {"allowedExtraCapabilities", [&](const YamlNode& v) {
           parameters.allowed_extra_capabilities = strings(v, "parameters.allowedExtraCapabilities");
         }},
        {"sensitiveHostPaths", [&](const YamlNode& v) {
           parameters.sensitive_host_paths = strings(v, "parameters.sensitiveHostPaths");
           for (const std::string& path : parameters.sensitive_host_paths) {
             if (!path.starts_with("/")) {
               error(v.position, fmt::format("parameters.sensitiveHostPaths: \"{}\" is not an "
                                             "absolute path", path));
             }
           }
         }},
    });
  }

  void read_exemptions(const YamlNode& node) {
    if (!node.is_sequence()) {
      error(node.position, "exemptions must be a list");
      return;
    }
    for (const YamlNode* item : node.items) {
      Exemption exemption;
      exemption.position = item->position;
      bool has_rules = false;
      read_map(*item, "exemptions[]", {
          {"rules", [&](const YamlNode& v) {
             has_rules = true;
             std::set<std::string, std::less<>> ids = rule_ids(v, "exemptions[].rules", true);
             exemption.rules.assign(ids.begin(), ids.end());
           }},
          {"namespace", [&](const YamlNode& v) { exemption.namespace_pattern = string(v, "namespace"); }},
          {"kind", [&](const YamlNode& v) { exemption.kind_pattern = string(v, "kind"); }},
          {"name", [&](const YamlNode& v) { exemption.name_pattern = string(v, "name"); }},
          {"container", [&](const YamlNode& v) { exemption.container_pattern = string(v, "container"); }},
          {"reason", [&](const YamlNode& v) { exemption.reason = string(v, "reason"); }},
      });
      if (!item->is_map()) continue;
      if (!has_rules) error(item->position, "an exemption needs `rules:` (rule ids or \"*\")");
      if (exemption.reason.empty()) {
        error(item->position, "an exemption needs a non-empty `reason:` saying why it is safe");
      }
      bool selects = !exemption.namespace_pattern.empty() || !exemption.kind_pattern.empty() ||
                     !exemption.name_pattern.empty() || !exemption.container_pattern.empty();
      if (!selects) {
        error(item->position, "an exemption needs at least one of namespace, kind, name, "
                              "container (to turn a rule off everywhere, use rules.disable)");
      }
      config().exemptions.push_back(std::move(exemption));
    }
  }

  const std::string& file_;
  const RuleCatalog& catalog_;
  ConfigLoadResult& result_;
  std::set<std::string, std::less<>> enabled_;
};

}  // namespace

std::optional<std::filesystem::path> find_config_file(const std::filesystem::path& start) {
  std::error_code error;
  std::filesystem::path dir = std::filesystem::absolute(start, error);
  if (error) return std::nullopt;
  while (true) {
    std::filesystem::path candidate = dir / kConfigFileName;
    if (std::filesystem::is_regular_file(candidate, error)) return candidate;
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

ConfigLoadResult parse_config(std::string_view text, const std::string& file_name,
                              const RuleCatalog& catalog) {
  ConfigLoadResult result;
  result.config.file = file_name;
  ConfigReader reader(file_name, catalog, result);
  YamlLoadResult yaml = load_yaml(text);
  for (const YamlError& error : yaml.errors) {
    reader.error(error.position, "invalid YAML: " + error.message);
  }
  if (!yaml.errors.empty()) return result;
  for (const DuplicateKey& duplicate : yaml.file.duplicate_keys) {
    reader.error(duplicate.last, fmt::format("\"{}\" is set twice (first at line {})",
                                             duplicate.path, duplicate.first.line));
  }
  if (yaml.file.documents.size() > 1) {
    reader.error(yaml.file.documents[1]->position, "a config file holds one YAML document");
  }
  if (!yaml.file.documents.empty()) reader.read_root(*yaml.file.documents.front());
  return result;
}

ConfigLoadResult load_config_file(const std::filesystem::path& path, const RuleCatalog& catalog) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ConfigLoadResult result;
    result.errors.push_back(ConfigError{path.string(), {}, "cannot read the config file"});
    return result;
  }
  std::ostringstream text;
  text << in.rdbuf();
  ConfigLoadResult result = parse_config(text.str(), path.string(), catalog);
  result.config.directory = path.parent_path();
  return result;
}

}  // namespace kube_harden
