// GitHub Actions workflow commands: annotations on the pull request diff,
// after the text report as a plain log, so nothing is lost to GitHub's limits.

#include <array>
#include <cstddef>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>
#include <fmt/format.h>

#include "kube_harden/report.h"
#include "report/severity_levels.h"

namespace kube_harden {

namespace {

constexpr std::string_view kStdinName = "<stdin>";

// Annotation levels, in the order the footer names them.
using Level = ToolLevel;
constexpr std::array<std::string_view, 3> kLevelNames = {"error", "warning", "notice"};

struct Annotation {
  Level level;
  const std::string* file;
  Position position;
  std::string title;
  const std::string* message;
};

Level annotation_level(Severity severity) {
  return tool_level(severity);
}

// As @actions/core's escapeData: the runner unescapes exactly these.
std::string escape_data(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else {
      out += c;
    }
  }
  return out;
}

// As @actions/core's escapeProperty: ':' and ',' delimit properties.
std::string escape_property(std::string_view text) {
  std::string out;
  for (char c : escape_data(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

// "::error file=F,line=L,col=C,title=T::message". Standard input is no file
// of the repository, so its annotations name none.
std::string workflow_command(const Annotation& annotation) {
  std::vector<std::string> properties;
  if (*annotation.file != kStdinName)
    properties.push_back("file=" + escape_property(*annotation.file));
  if (annotation.position.known()) {
    properties.push_back(fmt::format("line={}", annotation.position.line));
    properties.push_back(fmt::format("col={}", annotation.position.column));
  }
  properties.push_back("title=" + escape_property(annotation.title));
  return fmt::format("::{} {}::{}", kLevelNames[static_cast<size_t>(annotation.level)],
                     fmt::join(properties, ","), escape_data(*annotation.message));
}

// Input errors first: an unreadable manifest matters more than any finding.
std::vector<Annotation> annotations(const LintResult& result) {
  std::vector<Annotation> list;
  for (const InputError& error : result.errors) {
    list.push_back(
        {Level::Error, &error.file, error.position, "kube-harden input error", &error.message});
  }
  for (const Finding& finding : result.findings) {
    if (finding.suppressed) continue;
    list.push_back({annotation_level(finding.severity), &finding.file, finding.position,
                    fmt::format("{} ({})", finding.rule_id, to_string(finding.severity)),
                    &finding.message});
  }
  return list;
}

// The log is input text (file names, messages); between stop-commands and
// its token the runner reads no workflow commands, so none can be injected.
// The token is one the log does not contain.
void write_log(std::ostream& out, const LintResult& result, const TextStyle& style) {
  std::ostringstream log;
  write_text_report(log, result, style);
  std::string token = "kube-harden-log";
  while (log.str().find("::" + token + "::") != std::string::npos) token += '-';
  out << "::stop-commands::" << token << '\n' << log.str() << "::" << token << "::\n";
}

}  // namespace

void write_github_report(std::ostream& out, const LintResult& result, const TextStyle& style) {
  write_log(out, result, style);

  std::array<size_t, 3> shown{};
  std::array<size_t, 3> not_shown{};
  for (const Annotation& annotation : annotations(result)) {
    auto level = static_cast<size_t>(annotation.level);
    if (shown[level] == kGithubAnnotationsPerLevel) {
      ++not_shown[level];
      continue;
    }
    ++shown[level];
    out << workflow_command(annotation) << '\n';
  }

  std::vector<std::string> parts;
  size_t total = 0;
  for (size_t level = 0; level < not_shown.size(); ++level) {
    if (not_shown[level] == 0) continue;
    total += not_shown[level];
    parts.push_back(fmt::format("{} {}{}", not_shown[level], kLevelNames[level],
                                not_shown[level] == 1 ? "" : "s"));
  }
  if (total > 0) {
    out << fmt::format(
        "kube-harden: {} more not shown as annotations (GitHub shows {} per level): {}; the log "
        "above lists every finding\n",
        total, kGithubAnnotationsPerLevel, fmt::join(parts, ", "));
  }
}

}  // namespace kube_harden
