#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>

#include <fmt/core.h>

#include "kube_harden/finding.h"

namespace kube_harden {

bool finding_order(const Finding& a, const Finding& b) {
  return std::tie(a.file, a.position, a.rule_id, a.message, a.container, a.path) <
         std::tie(b.file, b.position, b.rule_id, b.message, b.container, b.path);
}

namespace {

constexpr uint64_t kFnvOffsetBasis = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;

uint64_t fnv1a(uint64_t hash, std::string_view bytes) {
  for (unsigned char byte : bytes) {
    hash ^= byte;
    hash *= kFnvPrime;
  }
  return hash;
}

}  // namespace

// The file is left out on purpose: moving an object to another file, or
// passing the files in another order, must not turn it into a new alert.
std::string stable_fingerprint(const Finding& finding) {
  constexpr std::string_view kSeparator = "\x1f";
  const std::string_view parts[] = {
      finding.rule_id,     finding.object.kind, finding.object.namespace_name,
      finding.object.name, finding.container,   finding.path};
  uint64_t hash = kFnvOffsetBasis;
  bool first = true;
  for (std::string_view part : parts) {
    if (!first) hash = fnv1a(hash, kSeparator);
    first = false;
    hash = fnv1a(hash, part);
  }
  return fmt::format("{:016x}", hash);
}

}  // namespace kube_harden
