#include "engine/suppressions.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <span>

#include "kube_harden/glob.h"
#include "kube_harden/manifest_index.h"

namespace kube_harden {

// One suppression written somewhere, whatever its form, and whether it was used.
struct Candidate {
  Suppression suppression;
  std::vector<std::string> rules;
  // What it applies to: findings in `file` on `line` (comments), or findings
  // of one object (annotations), or matching objects (exemptions).
  enum class Scope { Line, Object, Exemption } scope = Scope::Line;
  std::string file;
  uint32_t line = 0;
  ObjectRef object;
  std::string container;  // annotations for one container
  const Exemption* exemption = nullptr;
  // Where to report it when it matches nothing.
  Position position;
  std::string path;
  bool used = false;
};

namespace {

bool names_rule(const Candidate& candidate, std::string_view rule_id) {
  return std::any_of(candidate.rules.begin(), candidate.rules.end(),
                     [&](const std::string& id) { return id == rule_id || id == "*"; });
}

bool optional_match(const std::string& pattern, const std::string& text) {
  return pattern.empty() || wildcard_match(pattern, text);
}

bool same_object(const ObjectRef& a, const ObjectRef& b) {
  return a.kind == b.kind && a.namespace_name == b.namespace_name && a.name == b.name;
}

// Equal for objects same_object() takes for one.
std::string object_key(const ObjectRef& object) {
  return key_of({object.kind, object.namespace_name, object.name});
}

// The candidates listed under `key`, none when it has no list.
template <class Key>
std::span<const size_t> listed(const std::unordered_map<Key, std::vector<size_t>>& lists,
                               const Key& key) {
  auto it = lists.find(key);
  return it == lists.end() ? std::span<const size_t>() : std::span<const size_t>(it->second);
}

bool applies(const Candidate& candidate, const Finding& finding) {
  if (!names_rule(candidate, finding.rule_id)) return false;
  switch (candidate.scope) {
    case Candidate::Scope::Line:
      return finding.file == candidate.file && finding.position.line == candidate.line;
    case Candidate::Scope::Object:
      return finding.file == candidate.file && same_object(finding.object, candidate.object) &&
             (candidate.container.empty() || candidate.container == finding.container);
    case Candidate::Scope::Exemption: {
      const Exemption& e = *candidate.exemption;
      // Findings that are not about one container match only exemptions
      // that do not name a container.
      bool container_ok = e.container_pattern.empty() ||
                          (!finding.container.empty() &&
                           wildcard_match(e.container_pattern, finding.container));
      return optional_match(e.namespace_pattern, finding.object.namespace_name) &&
             optional_match(e.kind_pattern, finding.object.kind) &&
             optional_match(e.name_pattern, finding.object.name) && container_ok;
    }
  }
  return false;
}

std::vector<std::string> split_rules(std::string_view value) {
  std::vector<std::string> rules;
  std::string current;
  for (char c : value) {
    if (c == ',' || c == ' ' || c == '\t' || c == '\n') {
      if (!current.empty()) rules.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) rules.push_back(std::move(current));
  return rules;
}

void add_annotation_candidates(const ObjectHeader& header, const ObjectMeta& meta,
                               const std::string& file, std::vector<Candidate>& out) {
  const KeyValue* reason = meta.annotation(kIgnoreReasonAnnotation);
  // Duplicate annotation keys: Kubernetes keeps the last, so do we.
  for (const KeyValue& annotation : meta.annotations) {
    if (find_last(meta.annotations, annotation.key) != &annotation) continue;
    std::string_view key = annotation.key;
    std::string container;
    if (key.starts_with(kIgnoreContainerAnnotationPrefix)) {
      container = key.substr(std::string_view(kIgnoreContainerAnnotationPrefix).size());
      if (container.empty()) continue;
    } else if (key != kIgnoreAnnotation) {
      continue;
    }
    Candidate& candidate = out.emplace_back();
    candidate.suppression = Suppression{Suppression::Kind::InSource, reason ? reason->value : "",
                                        fmt::format("annotation {}", annotation.key)};
    candidate.rules = split_rules(annotation.value);
    candidate.scope = Candidate::Scope::Object;
    candidate.file = file;
    candidate.object = ObjectRef{header.api_version, header.kind, header.metadata.namespace_name,
                                 header.metadata.name};
    candidate.container = std::move(container);
    candidate.position = annotation.position;
    candidate.path = fmt::format("metadata.annotations[{}]", annotation.key);
  }
}

// One file's comment and annotation suppressions, and by the line or object
// they are about (indices, ascending), so that a finding is tried only
// against those that can apply to it.
struct FileCandidates {
  std::vector<Candidate> candidates;
  std::unordered_map<uint32_t, std::vector<size_t>> by_line;
  std::unordered_map<std::string, std::vector<size_t>> by_object;
};

// In a fixed order: annotations by kind of object, then comments.
std::vector<Candidate> collect_file_candidates(const std::string& file,
                                               const FileSuppressionSources& sources) {
  std::vector<Candidate> candidates;
  auto each_slice = [&](auto member, auto add) {
    for (const ObjectSlice& slice : sources.objects) {
      for (const auto& object : slice.*member) add(object);
    }
  };
  auto add_object = [&](const auto& object) {
    add_annotation_candidates(object.header, object.header.metadata, file, candidates);
  };
  each_slice(&ObjectSlice::workloads, [&](const Workload& workload) {
    add_object(workload);
    // A Pod's template metadata is its own metadata: read it once.
    if (workload.pod_metadata.position != workload.header.metadata.position) {
      add_annotation_candidates(workload.header, workload.pod_metadata, file, candidates);
    }
  });
  each_slice(&ObjectSlice::pod_security_policies, add_object);
  each_slice(&ObjectSlice::service_accounts, add_object);
  each_slice(&ObjectSlice::network_policies, add_object);
  each_slice(&ObjectSlice::namespaces, add_object);
  each_slice(&ObjectSlice::roles, add_object);
  each_slice(&ObjectSlice::role_bindings, add_object);
  for (const std::vector<SuppressionComment>* comments : sources.comments) {
    for (const SuppressionComment& comment : *comments) {
      Candidate& candidate = candidates.emplace_back();
      candidate.suppression =
          Suppression{Suppression::Kind::InSource, comment.reason,
                      fmt::format("comment {}:{}", file, comment.position.line)};
      candidate.rules = comment.rules;
      candidate.scope = Candidate::Scope::Line;
      candidate.file = file;
      candidate.line = comment.target_line;
      candidate.position = comment.position;
    }
  }
  return candidates;
}

FileCandidates file_candidates(const std::string& file, const FileSuppressionSources& sources) {
  FileCandidates in_file{collect_file_candidates(file, sources), {}, {}};
  for (size_t i = 0; i < in_file.candidates.size(); ++i) {
    const Candidate& candidate = in_file.candidates[i];
    if (candidate.scope == Candidate::Scope::Line) {
      in_file.by_line[candidate.line].push_back(i);
    } else {
      in_file.by_object[object_key(candidate.object)].push_back(i);
    }
  }
  return in_file;
}

std::vector<Candidate> collect_exemptions(const SuppressionSettings& settings) {
  std::vector<Candidate> candidates;
  for (const Exemption& exemption : settings.exemptions) {
    Candidate& candidate = candidates.emplace_back();
    candidate.suppression =
        Suppression{Suppression::Kind::External, exemption.reason,
                    fmt::format("config {}:{}", settings.config_file, exemption.position.line)};
    candidate.rules = exemption.rules;
    candidate.scope = Candidate::Scope::Exemption;
    candidate.exemption = &exemption;
  }
  return candidates;
}

// A finding about a suppression itself: on the annotation or comment.
Finding suppression_finding(const Candidate& candidate, const RuleMetadata& rule,
                            const RuleSelection& selection, std::string message) {
  Finding finding;
  finding.rule_id = rule.id;
  finding.severity = selection.severity_of(rule.id, rule.severity);
  finding.message = std::move(message);
  finding.file = candidate.file;
  finding.position = candidate.position;
  finding.object = candidate.object;
  finding.container = candidate.container;
  finding.path = candidate.path;
  return finding;
}

std::string where(const Candidate& candidate) {
  return candidate.scope == Candidate::Scope::Line ? "comment" : candidate.suppression.origin;
}

// Reports what is wrong with in-source suppressions. Config exemptions are
// checked when the config is read, and one that matches nothing in this run
// may well match in another, so they are not reported.
void report_problems(const std::vector<Candidate>& candidates, const SuppressionInputs& inputs,
                     std::vector<Finding>& findings) {
  const RuleMetadata* unused = inputs.catalog.find("unused-suppression");
  const RuleMetadata* no_reason = inputs.catalog.find("suppression-missing-reason");
  for (const Candidate& candidate : candidates) {
    if (unused && inputs.selection.runs(unused->id)) {
      std::vector<std::string> problems;
      if (candidate.rules.empty()) problems.push_back("names no rule");
      for (const std::string& id : candidate.rules) {
        if (!inputs.catalog.find(id)) {
          problems.push_back(fmt::format("names unknown rule \"{}\"", id));
        } else if (inputs.settings.unsuppressible.contains(id)) {
          problems.push_back(fmt::format("cannot suppress {}: the config makes it unsuppressible",
                                         id));
        }
      }
      if (problems.empty() && !candidate.used) {
        // Rules that did not run in this run (--only, --disable) prove nothing.
        bool all_ran = std::all_of(candidate.rules.begin(), candidate.rules.end(),
                                   [&](const std::string& id) { return inputs.selection.runs(id); });
        if (all_ran) problems.push_back("matches no finding; remove it");
      }
      if (!problems.empty()) {
        findings.push_back(suppression_finding(
            candidate, *unused, inputs.selection,
            fmt::format("suppression {} ({}) {}", where(candidate),
                        fmt::join(candidate.rules, ","), fmt::join(problems, "; "))));
      }
    }
    if (no_reason && inputs.selection.runs(no_reason->id) && candidate.used &&
        candidate.suppression.reason.empty()) {
      std::string how = candidate.scope == Candidate::Scope::Line
                            ? "add `-- <reason>` to the comment"
                            : fmt::format("add a {} annotation", kIgnoreReasonAnnotation);
      findings.push_back(suppression_finding(
          candidate, *no_reason, inputs.selection,
          fmt::format("suppression {} ({}) gives no reason; {}", where(candidate),
                      fmt::join(candidate.rules, ","), how)));
    }
  }
}

}  // namespace

Suppressions::Suppressions(const SuppressionInputs& inputs)
    : inputs_(inputs), exemptions_(collect_exemptions(inputs.settings)) {}

Suppressions::~Suppressions() = default;

void Suppressions::apply(const std::string& file, const FileSuppressionSources& sources,
                         std::vector<Finding>& findings) const {
  FileCandidates local;
  if (inputs_.settings.in_source) local = file_candidates(file, sources);
  if (local.candidates.empty() && exemptions_.empty()) return;
  // In-source suppressions come first, so the closest one is named.
  auto suppress = [&](const Candidate& candidate, Finding& finding) {
    if (!finding.suppressed) finding.suppressed = candidate.suppression;
  };
  std::vector<size_t> nearby;
  for (Finding& finding : findings) {
    if (inputs_.settings.unsuppressible.contains(finding.rule_id)) continue;
    // The comments on its line and the annotations of its object, in
    // candidate order.
    nearby.clear();
    std::span<const size_t> on_line = listed(local.by_line, finding.position.line);
    std::span<const size_t> on_object =
        local.by_object.empty() ? std::span<const size_t>()
                                : listed(local.by_object, object_key(finding.object));
    std::merge(on_line.begin(), on_line.end(), on_object.begin(), on_object.end(),
               std::back_inserter(nearby));
    for (size_t i : nearby) {
      Candidate& candidate = local.candidates[i];
      if (!applies(candidate, finding)) continue;
      candidate.used = true;
      suppress(candidate, finding);
    }
    // Exemptions are shared by every file, and never reported as unused.
    for (const Candidate& exemption : exemptions_) {
      if (applies(exemption, finding)) suppress(exemption, finding);
    }
  }
  report_problems(local.candidates, inputs_, findings);
}

}  // namespace kube_harden
