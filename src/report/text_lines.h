#pragma once

// The lines the text report is made of, shared with the formats that embed
// them (github's log lines, junit's failure bodies).

#include <string>
#include <string_view>

#include "kube_harden/report.h"
#include "report/finding_counts.h"

namespace kube_harden {

// Control characters (C0, DEL, C1) as visible escapes such as \n or \x1b, so
// a finding stays on one line and input text cannot drive the terminal.
std::string printable(std::string_view text);

// "file:line:col", or "file" when the position is unknown.
std::string location(const std::string& file, Position position);

// "suppressed by <origin>: <reason>", leaving out what is empty.
std::string suppression_note(const Suppression& suppression);

// Whether the text report lists this finding.
bool is_listed(const Finding& finding, const TextStyle& style);

// "file:line:col: severity: message [rule-id]", plus " [suppressed ...]".
std::string finding_line(const Finding& finding, bool color);

// One line: unsuppressed findings by severity, what was linted, then what was
// suppressed, the baseline and input errors; `counts` are of the findings
// listed (by default, result.findings).
std::string summary_line(const FindingCounts& counts, const LintResult& result,
                         const TextStyle& style);
std::string summary_line(const LintResult& result, const TextStyle& style);

}  // namespace kube_harden
