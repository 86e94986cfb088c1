#pragma once

#include <functional>
#include <ostream>
#include <string>

namespace kube_harden {

// Writes a report to `path`: a regular (or new) file atomically, through a
// temporary file renamed into place, so readers never see half a report;
// special files (/dev/stdout, pipes) directly. Returns an error text, empty on success.
std::string write_output_file(const std::string& path,
                              const std::function<void(std::ostream&)>& write);

}  // namespace kube_harden
