#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "kube_harden/finding.h"

namespace kube_harden {

// Findings counted as every summary shows them: unsuppressed ones by
// severity, suppressed ones apart. Reports count the findings they list, so
// a summary always agrees with the findings next to it.
struct FindingCounts {
  std::array<size_t, 5> by_severity{};  // indexed by Severity
  size_t unsuppressed = 0;
  size_t suppressed = 0;

  void add(const Finding& finding) {
    if (finding.suppressed) {
      ++suppressed;
    } else {
      ++unsuppressed;
      ++by_severity[static_cast<size_t>(finding.severity)];
    }
  }

  static FindingCounts of(const std::vector<Finding>& findings) {
    FindingCounts counts;
    for (const Finding& finding : findings) counts.add(finding);
    return counts;
  }
};

}  // namespace kube_harden
