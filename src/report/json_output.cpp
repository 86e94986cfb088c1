// The one translation unit of the product that includes nlohmann/json: it is
// slow to compile, so every JSON and SARIF writer lives here.

#include <array>
#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <stdexcept>
#include <system_error>
#include <tuple>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "kube_harden/report.h"
#include "report/finding_counts.h"
#include "report/severity_levels.h"

namespace kube_harden {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kInformationUri = "https://github.com/kube-harden/kube-harden";
constexpr std::string_view kSarifSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kSourceRoot = "%SRCROOT%";
constexpr std::string_view kStdinName = "<stdin>";
// GitHub code scanning's limits for a rule's descriptions, name and tags.
constexpr size_t kMaxDescriptionChars = 1024;
constexpr size_t kMaxRuleNameChars = 255;
constexpr size_t kMaxTags = 10;

constexpr std::array kSeveritiesMostSevereFirst = {Severity::Critical, Severity::High,
                                                   Severity::Medium, Severity::Low, Severity::Info};

std::string dump(const Json& json) {
  // Invalid UTF-8 can reach us from the input files; replace it rather than throw.
  return json.dump(2, ' ', false, Json::error_handler_t::replace);
}

void write_json(std::ostream& out, const Json& json) {
  out << dump(json) << '\n';
}

// Stands for the array a StreamedArray writes element by element.
constexpr std::string_view kStreamedArray = "kube-harden:streamed-array";

// A JSON document whose member `key` is an array written one element at a
// time, with the bytes write_json() gives for the whole document. Made from
// the document with that member's value set to kStreamedArray; writes what
// comes before the array at once, and the rest when closed.
class StreamedArray {
 public:
  StreamedArray(std::ostream& out, const Json& document, std::string_view key) : out_(out) {
    auto [before, after, indent] = split(document, key);
    out_ << before;
    outer_ = std::string(indent, ' ');
    inner_ = outer_ + "  ";
    after_ = std::move(after);
  }

  void add(const Json& element) {
    out_ << (empty_ ? "[\n" : ",\n") << inner_;
    empty_ = false;
    std::string item = dump(element);
    size_t from = 0;
    for (size_t newline = item.find('\n'); newline != std::string::npos;
         newline = item.find('\n', from)) {
      out_.write(item.data() + from, static_cast<std::streamsize>(newline + 1 - from));
      out_ << inner_;
      from = newline + 1;
    }
    out_.write(item.data() + from, static_cast<std::streamsize>(item.size() - from));
  }

  // Ends the array and writes the rest of the document: `document` if given
  // (the same as at the start up to the array, with later members filled
  // in), else the one given at the start.
  void close(const Json* document = nullptr, std::string_view key = {}) {
    out_ << (empty_ ? "[]" : "\n" + outer_ + "]");
    out_ << (document ? std::get<1>(split(*document, key)) : after_) << '\n';
  }

 private:
  // The text before the placeholder, after it, and the indentation of its member.
  static std::tuple<std::string, std::string, size_t> split(const Json& document,
                                                            std::string_view key) {
    std::string text = dump(document);
    // Raw newlines occur only between values, never inside strings, so a line
    // that is indentation and then the key is the member itself.
    std::string member = fmt::format("\"{}\": \"{}\"", key, kStreamedArray);
    size_t at = text.find(member);
    size_t line_start = 0;
    while (at != std::string::npos) {
      line_start = text.rfind('\n', at) + 1;  // npos + 1 == 0 on the first line
      if (text.find_first_not_of(' ', line_start) == at) break;
      at = text.find(member, at + 1);
    }
    if (at == std::string::npos) throw std::logic_error("streamed array placeholder not found");
    size_t value_at = at + key.size() + 4;  // after "key":<space>
    size_t value_end = value_at + kStreamedArray.size() + 2;
    return {text.substr(0, value_at), text.substr(value_end), at - line_start};
  }

  std::ostream& out_;
  std::string outer_;
  std::string inner_;
  std::string after_;
  bool empty_ = true;
};

std::string str(std::string_view text) {
  return std::string(text);
}

// SARIF's names for the kinds (§3.35.2); the JSON report uses them too.
std::string_view suppression_kind(Suppression::Kind kind) {
  return kind == Suppression::Kind::InSource ? "inSource" : "external";
}

Json pss_json(const PssControl& pss) {
  return Json{{"level", str(to_string(pss.level))}, {"check", pss.check}};
}

// ---------------------------------------------------------------------------
// JSON report

Json finding_json(const Finding& finding) {
  Json json;
  json["rule_id"] = finding.rule_id;
  json["severity"] = str(to_string(finding.severity));
  json["message"] = finding.message;
  json["file"] = finding.file;
  if (finding.position.known()) {
    json["line"] = finding.position.line;
    json["column"] = finding.position.column;
  }
  json["object"] = Json{{"apiVersion", finding.object.api_version},
                        {"kind", finding.object.kind},
                        {"namespace", finding.object.namespace_name},
                        {"name", finding.object.name}};
  if (!finding.container.empty()) json["container"] = finding.container;
  json["path"] = finding.path;
  json["fingerprint"] = stable_fingerprint(finding);
  if (finding.rendered_from) {
    json["rendered_from"] = Json{{"template", finding.rendered_from->template_path},
                                 {"line", finding.rendered_from->line}};
  }
  if (finding.pss) {
    json["pss"] = pss_json(*finding.pss);
    if (!finding.pss_source.empty()) json["pss"]["source"] = finding.pss_source;
  }
  if (finding.suppressed) {
    json["suppressed"] = Json{{"kind", str(suppression_kind(finding.suppressed->kind))},
                              {"reason", finding.suppressed->reason},
                              {"origin", finding.suppressed->origin}};
  }
  return json;
}

Json error_json(const InputError& error) {
  Json json;
  json["file"] = error.file;
  if (error.position.known()) {
    json["line"] = error.position.line;
    json["column"] = error.position.column;
  }
  json["message"] = error.message;
  return json;
}

// `counts` are of the findings the report lists.
Json summary_json(const LintResult& result, const FindingCounts& counts) {
  Json by_severity = Json::object();
  for (Severity severity : kSeveritiesMostSevereFirst) {
    by_severity[str(to_string(severity))] = counts.by_severity[static_cast<size_t>(severity)];
  }
  Json summary;
  summary["files"] = result.summary.files;
  summary["documents"] = result.summary.documents;
  summary["objects"] = result.summary.objects;
  summary["skipped"] = result.summary.skipped;
  summary["findings_by_severity"] = by_severity;
  summary["suppressed"] = counts.suppressed;
  if (result.baseline.used) {
    summary["baseline"] = Json{{"file", result.baseline.file},
                               {"unchanged", result.baseline.unchanged},
                               {"fixed", result.baseline.fixed}};
  }
  return summary;
}

// ---------------------------------------------------------------------------
// SARIF

std::string_view sarif_level(Severity severity) {
  return tool_level_name(tool_level(severity), "note");
}

// GitHub's `problem.severity` uses "recommendation" where SARIF says "note".
std::string_view problem_severity(Severity severity) {
  std::string_view level = sarif_level(severity);
  return level == "note" ? "recommendation" : level;
}

// GitHub reads this score (0.0 to 10.0, as a string) into its critical, high,
// medium and low bands; each value sits inside the band of its severity.
std::string_view security_severity(Severity severity) {
  switch (severity) {
    case Severity::Critical:
      return "9.5";
    case Severity::High:
      return "8.0";
    case Severity::Medium:
      return "5.5";
    case Severity::Low:
      return "3.0";
    case Severity::Info:
      return "1.0";
  }
  return "5.5";
}

bool is_utf8_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

// Cuts `text` to at most `max_chars` code points, never inside a UTF-8
// sequence, and marks the cut with an ellipsis.
std::string truncate_chars(std::string_view text, size_t max_chars) {
  size_t chars = 0;
  size_t cut = std::string_view::npos;
  for (size_t i = 0; i < text.size(); ++i) {
    if (is_utf8_continuation(static_cast<unsigned char>(text[i]))) continue;
    if (chars == max_chars - 1) cut = i;
    if (++chars > max_chars) break;
  }
  if (chars <= max_chars) return std::string(text);
  std::string_view kept = text.substr(0, cut);
  while (!kept.empty() && (kept.back() == ' ' || kept.back() == '\n' || kept.back() == '\t')) {
    kept.remove_suffix(1);
  }
  return std::string(kept) + "\u2026";
}

// "privileged-container" -> "PrivilegedContainer".
std::string camel_case(std::string_view id) {
  std::string name;
  bool start_of_word = true;
  for (char c : id) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      start_of_word = true;
      continue;
    }
    name += (start_of_word && c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    start_of_word = false;
  }
  return name;
}

const std::string& first_non_empty(const std::string& preferred, const std::string& fallback) {
  return preferred.empty() ? fallback : preferred;
}

// Percent-encodes everything but RFC 3986 path characters. ':' is encoded
// too, so that a relative reference never looks like it starts with a scheme.
std::string percent_encode_path(std::string_view path) {
  constexpr std::string_view kKept = "-._~!$&'()*+,;=@/";
  std::string encoded;
  for (char c : path) {
    auto byte = static_cast<unsigned char>(c);
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum || (byte < 0x80 && kKept.find(c) != std::string_view::npos)) {
      encoded += c;
    } else {
      encoded += fmt::format("%{:02X}", byte);
    }
  }
  return encoded;
}

bool is_drive_letter_path(std::string_view path) {
  return path.size() >= 3 &&
         ((path[0] >= 'a' && path[0] <= 'z') || (path[0] >= 'A' && path[0] <= 'Z')) &&
         path[1] == ':' && path[2] == '/';
}

// "/abs/dir" -> "file:///abs/dir"; "C:/dir" -> "file:///C:/dir".
std::string file_uri(std::string_view absolute_path) {
  if (is_drive_letter_path(absolute_path)) {
    return fmt::format("file:///{}:{}", absolute_path[0],
                       percent_encode_path(absolute_path.substr(2)));
  }
  return "file://" + percent_encode_path(absolute_path);
}

// Relative paths stay relative to %SRCROOT%, so that GitHub resolves them
// against the repository root; absolute paths become file:// URIs.
Json artifact_location(std::string_view file) {
  if (file == kStdinName) return Json{{"uri", "stdin"}};
  std::string path(file);
  for (char& c : path) {
    if (c == '\\') c = '/';
  }
  if (!path.empty() && path[0] == '/') return Json{{"uri", file_uri(path)}};
  if (is_drive_letter_path(path)) return Json{{"uri", file_uri(path)}};
  std::string_view relative = path;
  while (relative.starts_with("./")) {
    relative.remove_prefix(2);
    while (relative.starts_with("/")) relative.remove_prefix(1);
  }
  if (relative.empty()) relative = ".";
  return Json{{"uri", percent_encode_path(relative)}, {"uriBaseId", str(kSourceRoot)}};
}

std::optional<std::string> working_directory_uri() {
  std::error_code error;
  std::filesystem::path cwd = std::filesystem::current_path(error);
  if (error || cwd.empty()) return std::nullopt;
  std::string uri = file_uri(cwd.generic_string());
  if (!uri.ends_with('/')) uri += '/';
  return uri;
}

Json physical_location(std::string_view file, Position position) {
  Json location;
  location["artifactLocation"] = artifact_location(file);
  if (position.known()) {
    Json region;
    region["startLine"] = position.line;
    if (position.column >= 1) region["startColumn"] = position.column;
    location["region"] = region;
  }
  return location;
}

Json sarif_rule(const RuleMetadata& rule) {
  Json properties;
  Json tags = Json::array();
  tags.push_back("security");
  for (const std::string& tag : rule.tags) {
    if (tags.size() >= kMaxTags) break;
    if (!tag.empty() && tag != "security") tags.push_back(tag);
  }
  properties["tags"] = tags;
  properties["precision"] = "high";
  properties["security-severity"] = str(security_severity(rule.severity));
  properties["problem.severity"] = str(problem_severity(rule.severity));
  if (rule.pss) {
    properties["pss-level"] = str(to_string(rule.pss->level));
    properties["pss-check"] = rule.pss->check;
  }

  const std::string& title = first_non_empty(rule.title, rule.id);
  std::string help_text = render_rule_text(rule);
  std::string help_markdown = render_rule_markdown(rule);

  Json json;
  json["id"] = rule.id;
  json["name"] = truncate_chars(camel_case(rule.id), kMaxRuleNameChars);
  json["shortDescription"] = Json{{"text", truncate_chars(title, kMaxDescriptionChars)}};
  json["fullDescription"] = Json{
      {"text", truncate_chars(first_non_empty(rule.description, title), kMaxDescriptionChars)}};
  Json help;
  help["text"] = first_non_empty(help_text, title);
  if (!help_markdown.empty()) help["markdown"] = help_markdown;
  json["help"] = help;
  json["defaultConfiguration"] = Json{{"level", str(sarif_level(rule.severity))}};
  json["properties"] = properties;
  return json;
}

Json logical_location(const ObjectRef& object) {
  std::string name = object.namespace_name.empty()
                         ? object.name
                         : fmt::format("{}/{}", object.namespace_name, object.name);
  std::string qualified = object.kind;
  if (!object.namespace_name.empty()) qualified += "/" + object.namespace_name;
  if (!object.name.empty()) qualified += "/" + object.name;
  Json json;
  if (!object.name.empty()) json["name"] = name;
  json["kind"] = "object";
  if (!qualified.empty()) json["fullyQualifiedName"] = qualified;
  return json;
}

Json object_properties(const ObjectRef& object) {
  Json json = Json::object();
  if (!object.api_version.empty()) json["apiVersion"] = object.api_version;
  if (!object.kind.empty()) json["kind"] = object.kind;
  if (!object.namespace_name.empty()) json["namespace"] = object.namespace_name;
  if (!object.name.empty()) json["name"] = object.name;
  return json;
}

// §3.35: the user accepted the finding; where they said so goes in properties
// because `origin` is free text, not a location.
Json sarif_suppression(const Suppression& suppression) {
  Json json;
  json["kind"] = str(suppression_kind(suppression.kind));
  json["status"] = "accepted";
  if (!suppression.reason.empty()) json["justification"] = suppression.reason;
  if (!suppression.origin.empty()) json["properties"] = Json{{"origin", suppression.origin}};
  return json;
}

Json sarif_result(const Finding& finding, const std::map<std::string_view, size_t>& rule_indexes,
                  bool baseline_used) {
  // GitHub only reads results that have a line; a finding without one is
  // about the whole file, so it points at the first line.
  Position position = finding.position;
  if (!position.known()) position = Position{1, 1};

  Json location;
  location["physicalLocation"] = physical_location(finding.file, position);
  const ObjectRef& object = finding.object;
  if (!object.kind.empty() || !object.name.empty()) {
    location["logicalLocations"] = Json::array({logical_location(object)});
  }

  std::string fingerprint = stable_fingerprint(finding);
  Json properties;
  properties["object"] = object_properties(object);
  if (!finding.container.empty()) properties["container"] = finding.container;
  if (!finding.path.empty()) properties["path"] = finding.path;
  if (finding.pss) {
    properties["pss-level"] = str(to_string(finding.pss->level));
    properties["pss-check"] = finding.pss->check;
    if (!finding.pss_source.empty()) properties["pss-source"] = finding.pss_source;
  }
  if (finding.rendered_from) {
    properties["helm-template"] = finding.rendered_from->template_path;
    properties["helm-rendered-line"] = finding.rendered_from->line;
  }

  Json json;
  json["ruleId"] = finding.rule_id;
  if (auto it = rule_indexes.find(finding.rule_id); it != rule_indexes.end()) {
    json["ruleIndex"] = it->second;
  }
  json["level"] = str(sarif_level(finding.severity));
  json["message"] = Json{{"text", first_non_empty(finding.message, finding.rule_id)}};
  json["locations"] = Json::array({location});
  json["partialFingerprints"] =
      Json{{"primaryLocationLineHash", fingerprint}, {"kubeHarden/v1", fingerprint}};
  json["properties"] = properties;
  if (finding.suppressed)
    json["suppressions"] = Json::array({sarif_suppression(*finding.suppressed)});
  // Findings the baseline knows were dropped before reporting: the rest are new.
  if (baseline_used) json["baselineState"] = "new";
  return json;
}

Json tool_notification(const InputError& error) {
  static const std::string kFallbackMessage = "The input could not be linted.";
  Json json;
  json["level"] = "error";
  json["message"] = Json{{"text", first_non_empty(error.message, kFallbackMessage)}};
  if (!error.file.empty()) {
    json["locations"] =
        Json::array({Json{{"physicalLocation", physical_location(error.file, error.position)}}});
  }
  return json;
}

Json sarif_invocation(const std::vector<InputError>& errors) {
  Json json;
  json["executionSuccessful"] = errors.empty();
  if (!errors.empty()) {
    Json notifications = Json::array();
    for (const InputError& error : errors) notifications.push_back(tool_notification(error));
    json["toolExecutionNotifications"] = notifications;
  }
  return json;
}

// {version, findings, errors, summary}.
class JsonReport : public StreamingReport {
 public:
  explicit JsonReport(std::ostream& out) : out_(out) {}

  void start(const std::vector<InputError>&) override {
    findings_.emplace(out_, document(LintResult{}), "findings");
  }

  void write(const Finding& finding) override {
    counts_.add(finding);
    findings_->add(finding_json(finding));
  }

  void finish(const LintResult& result) override {
    Json whole = document(result);
    findings_->close(&whole, "findings");
  }

 private:
  Json document(const LintResult& result) const {
    Json errors = Json::array();
    for (const InputError& error : result.errors) errors.push_back(error_json(error));
    Json report;
    report["version"] = kVersion;
    report["findings"] = str(kStreamedArray);
    report["errors"] = std::move(errors);
    report["summary"] = summary_json(result, counts_);
    return report;
  }

  std::ostream& out_;
  FindingCounts counts_;
  std::optional<StreamedArray> findings_;
};

class SarifReport : public StreamingReport {
 public:
  SarifReport(std::ostream& out, const RuleCatalog& catalog, bool baseline_used)
      : out_(out), catalog_(catalog), baseline_used_(baseline_used) {}

  void start(const std::vector<InputError>&) override {
    for (const RuleMetadata& rule : catalog_.rules()) {
      rule_indexes_.emplace(rule.id, rule_indexes_.size());
    }
    results_.emplace(out_, log({}, true), "results");
  }

  void write(const Finding& finding) override {
    results_->add(sarif_result(finding, rule_indexes_, baseline_used_));
  }

  // The invocation, with the errors of every input, comes after the results:
  // errors are found while findings are written.
  // Only what follows the results is written from it: the rules, long and
  // already written, are left out.
  void finish(const LintResult& result) override {
    Json rest = log(result.errors, false);
    results_->close(&rest, "results");
  }

 private:
  Json log(const std::vector<InputError>& errors, bool with_rules) const {
    Json rules = Json::array();
    if (with_rules) {
      for (const RuleMetadata& rule : catalog_.rules()) rules.push_back(sarif_rule(rule));
    }

    Json driver;
    driver["name"] = "kube-harden";
    driver["version"] = kVersion;
    driver["semanticVersion"] = kVersion;
    driver["informationUri"] = str(kInformationUri);
    driver["rules"] = rules;

    Json run;
    run["tool"] = Json{{"driver", driver}};
    if (std::optional<std::string> cwd = working_directory_uri()) {
      run["originalUriBaseIds"] = Json{{str(kSourceRoot), Json{{"uri", *cwd}}}};
    }
    run["columnKind"] = "unicodeCodePoints";
    run["results"] = str(kStreamedArray);
    run["invocations"] = Json::array({sarif_invocation(errors)});

    Json log;
    log["$schema"] = str(kSarifSchema);
    log["version"] = "2.1.0";
    log["runs"] = Json::array({run});
    return log;
  }

  std::ostream& out_;
  const RuleCatalog& catalog_;
  bool baseline_used_;
  std::map<std::string_view, size_t> rule_indexes_;
  std::optional<StreamedArray> results_;
};

void write_all(StreamingReport& report, const LintResult& result) {
  report.start(result.errors);
  for (const Finding& finding : result.findings) report.write(finding);
  report.finish(result);
}

}  // namespace

std::unique_ptr<StreamingReport> json_report_stream(std::ostream& out) {
  return std::make_unique<JsonReport>(out);
}

std::unique_ptr<StreamingReport> sarif_report_stream(std::ostream& out, const RuleCatalog& catalog,
                                                     bool baseline_used) {
  return std::make_unique<SarifReport>(out, catalog, baseline_used);
}

void write_json_report(std::ostream& out, const LintResult& result) {
  JsonReport report(out);
  write_all(report, result);
}

void write_sarif_report(std::ostream& out, const LintResult& result, const RuleCatalog& catalog) {
  SarifReport report(out, catalog, result.baseline.used);
  write_all(report, result);
}

void write_rule_catalog_json(std::ostream& out, const RuleCatalog& catalog) {
  Json rules = Json::array();
  for (const RuleMetadata& rule : catalog.rules()) {
    Json json;
    json["id"] = rule.id;
    json["title"] = rule.title;
    json["severity"] = str(to_string(rule.severity));
    json["category"] = rule.category;
    if (rule.pss) json["pss"] = pss_json(*rule.pss);
    json["description"] = rule.description;
    json["rationale"] = rule.rationale;
    json["remediation"] = rule.remediation;
    json["references"] = rule.references;
    json["tags"] = rule.tags;
    rules.push_back(json);
  }
  Json catalog_json;
  catalog_json["version"] = kVersion;
  catalog_json["rules"] = rules;
  write_json(out, catalog_json);
}

}  // namespace kube_harden
