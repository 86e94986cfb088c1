#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kube_harden/model.h"
#include "kube_harden/position.h"

namespace kube_harden {

// The few fields of a document that the rules looking across files need of
// a workload, read without a YAML parser: a line scan that costs a small
// part of a parse. It reads only plain block YAML, the way manifests are
// written, and says `sure` only when it has read every line of the document
// and knows that yaml-cpp would read the same values and find no error.
// Anything else (anchors, aliases, tags, quoted keys, multi-line quoted or
// flow values, tabs, odd indentation...) is left to the full loader.
struct DocumentOutline {
  bool sure = false;
  // Whether `kind` is what the loader reads, even when the outline is not
  // sure of the rest: it was read at the root before the outline gave up,
  // and no later line at the root's indentation could set it again. (A
  // plain scalar going on over more lines would add a space and more words.)
  bool kind_sure = false;
  bool empty = true;  // no content: no document, or a null one
  // Only when the root is a mapping (`empty` is false): its position and
  // the values at these paths. A field that is absent or null is nullopt.
  Position position;
  std::optional<std::string> api_version;     // apiVersion
  std::optional<std::string> kind;            // kind
  std::optional<std::string> name;            // metadata.name
  std::optional<std::string> namespace_name;  // metadata.namespace
  std::vector<KeyValue> labels;               // metadata.labels
  std::vector<KeyValue> template_labels;      // spec.template.metadata.labels
  std::vector<KeyValue> job_template_labels;  // spec.jobTemplate.spec.template.metadata.labels
};

// Outlines the document of `range`: text that split_documents() cut out of
// a file's text, whose first line is line `first_line` (0-based) of the file.
DocumentOutline outline_document(std::string_view range, uint32_t first_line);

}  // namespace kube_harden
