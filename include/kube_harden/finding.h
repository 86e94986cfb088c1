#pragma once

#include <optional>
#include <string>

#include "kube_harden/boxed.h"
#include "kube_harden/position.h"
#include "kube_harden/rule_metadata.h"
#include "kube_harden/severity.h"

namespace kube_harden {

struct ObjectRef {
  std::string api_version;
  std::string kind;
  std::string namespace_name;
  std::string name;
};

// Why a finding does not count: it stays in JSON and SARIF output (and in
// text with --show-suppressed) but never affects the exit code.
struct Suppression {
  enum class Kind { InSource, External };  // SARIF's suppression kinds
  Kind kind = Kind::InSource;
  std::string reason;  // the user's justification; may be empty
  // Where the suppression was written, e.g. "annotation kube-harden.io/ignore",
  // "comment deploy.yaml:12", "config .kube-harden.yaml:14".
  std::string origin;
};

// Where a finding's line came from in a Helm chart: `helm template` output
// names each document's template in a `# Source: chart/templates/x.yaml`
// comment. The line counts from the start of that rendered document (line 1
// is the line after `---`), which is not the template's own line numbering.
struct RenderedSource {
  std::string template_path;
  uint32_t line = 0;
};

struct Finding {
  std::string rule_id;
  Severity severity = Severity::Medium;
  std::string message;
  std::string file;  // as given on the command line, or "<stdin>"
  Position position;
  ObjectRef object;
  std::string container;  // empty when the finding is not about one container
  std::string path;       // field path, e.g. spec.containers[0].securityContext.privileged
  Boxed<PssControl> pss;
  // For Pod Security Standards findings: what set the enforced level, e.g.
  // "--pss restricted" or "Namespace shop label (ns.yaml:4)".
  std::string pss_source;
  Boxed<Suppression> suppressed;
  Boxed<RenderedSource> rendered_from;
};

// An input that could not be (fully) linted: unreadable file, invalid YAML...
struct InputError {
  std::string file;
  Position position;
  std::string message;
};

// Sort order of findings in every output: file order, then position, rule, text.
bool finding_order(const Finding& a, const Finding& b);

// A fingerprint that survives moved lines and reordered files: it hashes the
// rule, the object's identity, the container and the field path, never a line.
std::string stable_fingerprint(const Finding& finding);

}  // namespace kube_harden
