// Checkstyle XML, the format of checkstyle's XMLLogger that reviewdog,
// Jenkins' warnings-ng, SonarQube and many editors import.

#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>

#include "kube_harden/report.h"
#include "report/severity_levels.h"
#include "report/xml_escape.h"

namespace kube_harden {

namespace {

struct Entry {
  Position position;
  std::string_view severity;
  const std::string* message;
  std::string source;
};

struct FileEntries {
  const std::string* name;
  std::vector<Entry> entries;
};

std::string_view checkstyle_severity(Severity severity) {
  return tool_level_name(tool_level(severity), "info");
}

// Input errors, then unsuppressed findings, grouped by file in the order
// files first appear: both lists are already sorted, so this is deterministic.
std::vector<FileEntries> entries_by_file(const LintResult& result) {
  std::vector<FileEntries> files;
  std::map<std::string_view, size_t> index;
  auto entries_of = [&](const std::string& file) -> std::vector<Entry>& {
    auto [it, inserted] = index.emplace(file, files.size());
    if (inserted) files.push_back({&file, {}});
    return files[it->second].entries;
  };
  for (const InputError& error : result.errors) {
    entries_of(error.file)
        .push_back({error.position, "error", &error.message, "kube-harden.input-error"});
  }
  for (const Finding& finding : result.findings) {
    if (finding.suppressed) continue;
    entries_of(finding.file)
        .push_back({finding.position, checkstyle_severity(finding.severity), &finding.message,
                    "kube-harden." + finding.rule_id});
  }
  return files;
}

}  // namespace

void write_checkstyle_report(std::ostream& out, const LintResult& result) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<checkstyle version=\"4.3\">\n";
  for (const FileEntries& file : entries_by_file(result)) {
    out << "  <file" << xml_attribute("name", *file.name) << ">\n";
    for (const Entry& entry : file.entries) {
      // Consumers need a line; a problem with the whole file is on line 1.
      Position position = entry.position.known() ? entry.position : Position{1, 0};
      out << "    <error" << xml_attribute("line", fmt::format("{}", position.line));
      if (position.column > 0) out << xml_attribute("column", fmt::format("{}", position.column));
      out << xml_attribute("severity", entry.severity) << xml_attribute("message", *entry.message)
          << xml_attribute("source", entry.source) << "/>\n";
    }
    out << "  </file>\n";
  }
  out << "</checkstyle>\n";
}

}  // namespace kube_harden
