#include <fmt/format.h>
#include <fmt/ranges.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <optional>
#include <set>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "catalog/embedded_rules.h"
#include "catalog/rule_headers.h"
#include "kube_harden/rule_metadata.h"

namespace kube_harden {
namespace {

constexpr std::array<std::string_view, 11> kTopLevelKeys = {
    "id",        "title",       "severity", "category",   "pss",  "description",
    "rationale", "remediation", "example",  "references", "tags",
};
constexpr std::array<std::string_view, 6> kCategories = {
    "pod-security", "service-accounts", "network-policy", "pod-security-policy", "rbac", "manifest"};

bool contains(std::span<const std::string_view> list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::string trim_trailing_whitespace(std::string text) {
  size_t end = text.find_last_not_of(" \t\r\n");
  text.erase(end == std::string::npos ? 0 : end + 1);
  return text;
}

bool is_rule_id(std::string_view id) {
  // Lower-case words joined by single hyphens, e.g. "run-as-root-user".
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  if (id.find("--") != std::string_view::npos) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// A mapping's entries in document order, keys already checked.
using Entries = std::vector<std::pair<std::string, YAML::Node>>;

// Reads one rules/<id>.yaml document; every error names the file and, where
// the YAML has one, the line, so a broken metadata file is quick to fix.
class MetadataReader {
 public:
  explicit MetadataReader(std::string_view file_name) : file_name_(file_name) {}

  [[noreturn]] void fail(const std::string& problem, const YAML::Node* node = nullptr) const {
    std::string where;
    if (node && !node->Mark().is_null()) where = fmt::format("line {}: ", node->Mark().line + 1);
    throw std::runtime_error(fmt::format("{}: {}{}", file_name_, where, problem));
  }

  // The entries of the document (section "") or of one of its sections.
  // Keys must be known, unique and in schema order (`allowed`), so every
  // metadata file reads the same way.
  Entries entries(const YAML::Node& map, std::string_view section,
                  std::span<const std::string_view> allowed) const {
    if (!map.IsMap()) {
      fail(section.empty() ? std::string("the document must be a mapping")
                           : fmt::format("\"{}\" must be a mapping", section),
           &map);
    }
    Entries result;
    std::set<std::string> seen;
    size_t previous_rank = 0;
    for (const auto& entry : map) {
      const YAML::Node& key_node = entry.first;
      if (!key_node.IsScalar()) fail("keys must be plain strings", &key_node);
      std::string key = key_node.Scalar();
      std::string qualified = qualify(section, key);
      auto known = std::find(allowed.begin(), allowed.end(), key);
      if (known == allowed.end()) fail(fmt::format("unknown key \"{}\"", qualified), &key_node);
      if (!seen.insert(key).second) fail(fmt::format("duplicate key \"{}\"", qualified), &key_node);
      size_t rank = static_cast<size_t>(known - allowed.begin());
      if (rank < previous_rank) {
        fail(fmt::format("key \"{}\" is out of order; the order is {}", qualified,
                         fmt::join(allowed, ", ")),
             &key_node);
      }
      previous_rank = rank;
      result.emplace_back(key, entry.second);
    }
    return result;
  }

  static const YAML::Node* find(const Entries& entries, std::string_view key) {
    for (const auto& [name, value] : entries) {
      if (name == key) return &value;
    }
    return nullptr;
  }

  const YAML::Node& require(const Entries& entries, std::string_view section,
                            std::string_view key) const {
    const YAML::Node* value = find(entries, key);
    if (!value) fail(fmt::format("missing required key \"{}\"", qualify(section, key)));
    return *value;
  }

  // A non-empty text; block scalars keep their line breaks, minus the trailing ones.
  std::string text(const YAML::Node& node, const std::string& key) const {
    std::string value = node.IsScalar() ? trim_trailing_whitespace(node.Scalar()) : "";
    if (value.empty()) fail(fmt::format("\"{}\" must be a non-empty string", key), &node);
    return value;
  }

  std::vector<std::string> text_list(const YAML::Node& node, const std::string& key) const {
    if (!node.IsSequence()) fail(fmt::format("\"{}\" must be a list of strings", key), &node);
    std::vector<std::string> values;
    for (const YAML::Node& item : node) {
      values.push_back(text(item, fmt::format("{}[{}]", key, values.size())));
    }
    return values;
  }

 private:
  static std::string qualify(std::string_view section, std::string_view key) {
    return section.empty() ? std::string(key) : fmt::format("{}.{}", section, key);
  }

  std::string file_name_;
};

constexpr std::array<std::string_view, 2> kPssKeys = {"level", "check"};
constexpr std::array<std::string_view, 2> kExampleKeys = {"bad", "good"};

PssControl read_pss(const MetadataReader& reader, const YAML::Node& node) {
  auto entries = reader.entries(node, "pss", kPssKeys);
  const YAML::Node& level_node = reader.require(entries, "pss", "level");
  std::string level_text = reader.text(level_node, "pss.level");
  std::optional<PssLevel> level = parse_pss_level(level_text);
  if (!level) {
    reader.fail(fmt::format("\"pss.level\" must be baseline or restricted, not \"{}\"", level_text),
                &level_node);
  }
  return PssControl{*level, reader.text(reader.require(entries, "pss", "check"), "pss.check")};
}

// The keys before `description`, which the schema puts first: all that
// linting reads. The documentation texts after them are most of each file.
std::string_view head_of(std::string_view yaml_text) {
  size_t at = yaml_text.starts_with("description:") ? 0 : yaml_text.find("\ndescription:");
  return at == std::string_view::npos ? yaml_text : yaml_text.substr(0, at + 1);
}

// A plain scalar that reads the same in YAML as the text itself.
bool is_simple_scalar(std::string_view value) {
  if (value.empty() || !std::isalnum(static_cast<unsigned char>(value.front()))) return false;
  if (value.back() == ' ' || value.back() == ':') return false;
  return value.find(": ") == std::string_view::npos && value.find(" #") == std::string_view::npos &&
         value.find_first_of("\t\r") == std::string_view::npos;
}

// yaml-cpp scans slowly enough that the heads of all rule files would be most
// of linting one small file. Heads are lines of `key: value`, and `pss:` with
// indented ones, which this reads straight into a node. Anything else (quotes,
// comments, blank lines, a repeated key...) gives nullopt: the YAML parser
// then reads the head and reports what is wrong with it.
std::optional<YAML::Node> read_simple_head(std::string_view text) {
  YAML::Node root(YAML::NodeType::Map);
  std::string section_key;
  YAML::Node section;
  auto defined = [](const YAML::Node& map, const std::string& key) {
    return static_cast<const YAML::Node&>(map)[key].IsDefined();
  };
  auto end_section = [&] {
    if (!section_key.empty()) root[section_key] = section;
    section_key.clear();
  };
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    bool indented = line.starts_with("  ");
    if (indented) {
      if (section_key.empty()) return std::nullopt;
      line.remove_prefix(2);
    } else {
      end_section();
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return std::nullopt;
    std::string key(line.substr(0, colon));
    if (!std::all_of(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      return std::nullopt;
    }
    std::string_view value = line.substr(colon + 1);
    if (defined(indented ? section : root, key)) return std::nullopt;
    if (value.empty() && !indented) {
      section_key = key;
      section = YAML::Node(YAML::NodeType::Map);
      continue;
    }
    if (!value.starts_with(' ') || !is_simple_scalar(value.substr(1))) return std::nullopt;
    (indented ? section : root)[key] = std::string(value.substr(1));
  }
  end_section();
  return root;
}

// Parses a rules/<id>.yaml text: only id, title, severity, category and pss
// when `head_only`, else every key.
RuleMetadata parse_rule(std::string_view file_name, std::string_view yaml_text, bool head_only) {
  MetadataReader reader(file_name);
  YAML::Node root;
  try {
    std::optional<YAML::Node> simple;
    if (head_only) simple = read_simple_head(head_of(yaml_text));
    root = simple ? *simple : YAML::Load(std::string(head_only ? head_of(yaml_text) : yaml_text));
  } catch (const YAML::Exception& error) {
    reader.fail(fmt::format("invalid YAML at line {}, column {}: {}", error.mark.line + 1,
                            error.mark.column + 1, error.msg));
  }
  auto entries = reader.entries(root, "", kTopLevelKeys);

  RuleMetadata rule;
  const YAML::Node& id_node = reader.require(entries, "", "id");
  rule.id = reader.text(id_node, "id");
  if (!is_rule_id(rule.id)) {
    reader.fail(fmt::format("id \"{}\" must be lower-case words joined by hyphens", rule.id),
                &id_node);
  }
  std::string stem = std::filesystem::path(std::string(file_name)).stem().string();
  if (rule.id != stem) {
    reader.fail(
        fmt::format("id \"{}\" does not match the file name (expected \"{}\")", rule.id, stem),
        &id_node);
  }

  const YAML::Node& title_node = reader.require(entries, "", "title");
  rule.title = reader.text(title_node, "title");
  if (rule.title.find('\n') != std::string::npos || rule.title.back() == '.') {
    reader.fail("\"title\" must be one line without a trailing period", &title_node);
  }

  const YAML::Node& severity_node = reader.require(entries, "", "severity");
  std::string severity_text = reader.text(severity_node, "severity");
  std::optional<Severity> severity = parse_severity(severity_text);
  if (!severity) {
    reader.fail(fmt::format("\"severity\" must be one of critical, high, medium, low, info, not "
                            "\"{}\"",
                            severity_text),
                &severity_node);
  }
  rule.severity = *severity;

  const YAML::Node& category_node = reader.require(entries, "", "category");
  rule.category = reader.text(category_node, "category");
  if (!contains(kCategories, rule.category)) {
    reader.fail(fmt::format("\"category\" must be one of {}, not \"{}\"",
                            fmt::join(kCategories, ", "), rule.category),
                &category_node);
  }

  if (const YAML::Node* pss = reader.find(entries, "pss")) rule.pss = read_pss(reader, *pss);
  if (head_only) return rule;

  rule.description = reader.text(reader.require(entries, "", "description"), "description");
  rule.rationale = reader.text(reader.require(entries, "", "rationale"), "rationale");
  rule.remediation = reader.text(reader.require(entries, "", "remediation"), "remediation");

  auto example = reader.entries(reader.require(entries, "", "example"), "example", kExampleKeys);
  rule.example_bad = reader.text(reader.require(example, "example", "bad"), "example.bad");
  rule.example_good = reader.text(reader.require(example, "example", "good"), "example.good");

  const YAML::Node& references_node = reader.require(entries, "", "references");
  rule.references = reader.text_list(references_node, "references");
  if (rule.references.empty()) {
    reader.fail("\"references\" must list at least one URL", &references_node);
  }
  for (const std::string& reference : rule.references) {
    if (!reference.starts_with("https://")) {
      reader.fail(fmt::format("reference \"{}\" is not an https:// URL", reference),
                  &references_node);
    }
  }

  rule.tags = reader.text_list(reader.require(entries, "", "tags"), "tags");
  return rule;
}

RuleCatalog parse_builtin(bool head_only) {
  std::vector<RuleMetadata> rules;
  for (const EmbeddedRuleFile& file : embedded_rule_files()) {
    rules.push_back(parse_rule("rules/" + std::string(file.file_name), file.text, head_only));
  }
  return RuleCatalog(std::move(rules));
}

}  // namespace

RuleMetadata RuleCatalog::parse(std::string_view file_name, std::string_view yaml_text) {
  return parse_rule(file_name, yaml_text, false);
}

RuleCatalog::RuleCatalog(std::vector<RuleMetadata> rules) : rules_(std::move(rules)) {
  std::stable_sort(rules_.begin(), rules_.end(),
                   [](const RuleMetadata& a, const RuleMetadata& b) { return a.id < b.id; });
}

const RuleCatalog& RuleCatalog::builtin() {
  static const RuleCatalog catalog = parse_builtin(false);
  return catalog;
}

const RuleCatalog& builtin_rule_headers() {
  static const RuleCatalog catalog = parse_builtin(true);
  return catalog;
}

const RuleMetadata* RuleCatalog::find(std::string_view id) const {
  auto it = std::lower_bound(
      rules_.begin(), rules_.end(), id,
      [](const RuleMetadata& rule, std::string_view key) { return rule.id < key; });
  return it != rules_.end() && it->id == id ? &*it : nullptr;
}

}  // namespace kube_harden
