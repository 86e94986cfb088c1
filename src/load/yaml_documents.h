#pragma once

#include <span>
#include <string_view>

#include "kube_harden/yaml_loader.h"
#include "load/document_split.h"

namespace kube_harden {

// load_yaml() over some ranges of `text` (a file's text without its byte
// order mark), as split_documents() cut them: the documents they hold get
// the positions they have in the whole file. Ranges are read in the order
// given, each from a fresh parser, so an error loses only its own document.
// A range followed by "---" is read with that marker, and what yaml-cpp
// makes of it is what it does in the whole stream: the end of the document,
// or an error when a quoted scalar is still open (which yaml-cpp would
// accept at the end of a range).
YamlLoadResult load_yaml_documents(std::string_view text, std::span<const DocumentRange> ranges,
                                   const YamlLimits& limits = {});

// Whether load_yaml_documents() reads `text` at all: false for text that is
// not YAML (a NUL or other control byte, invalid UTF-8).
bool is_yaml_text(std::string_view text);

}  // namespace kube_harden
