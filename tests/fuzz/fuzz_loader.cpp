// libFuzzer target: the YAML loader alone, on arbitrary bytes.
//
// Besides "no crash, no hang, no leak", it checks what the rest of the
// pipeline relies on: every node reachable from a document is well formed;
// and that reading a file document by document gives what yaml-cpp gives
// reading it as one stream (see tests/document_split_test.cpp).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "kube_harden/yaml_loader.h"
#include "load/document_split.h"
#include "load/yaml_documents.h"
#include "first_pass_check.h"
#include "load/document_outline.h"
#include "yaml_file_dump.h"

namespace {

using kube_harden::YamlKind;
using kube_harden::YamlNode;

// Visits each node once: aliases make a document a DAG, and a tree walk of a
// small DAG can be exponential.
void check_document(const YamlNode* root) {
  std::unordered_set<const YamlNode*> seen;
  std::vector<const YamlNode*> pending{root};
  while (!pending.empty()) {
    const YamlNode* node = pending.back();
    pending.pop_back();
    if (node == nullptr) std::abort();
    if (!seen.insert(node).second) continue;
    switch (node->kind) {
      case YamlKind::Sequence:
        if (!node->entries.empty()) std::abort();
        pending.insert(pending.end(), node->items.begin(), node->items.end());
        break;
      case YamlKind::Map:
        if (!node->items.empty()) std::abort();
        for (const auto& entry : node->entries) {
          pending.push_back(entry.key);
          pending.push_back(entry.value);
        }
        break;
      case YamlKind::Scalar:
      case YamlKind::Null:
        if (!node->items.empty() || !node->entries.empty()) std::abort();
        break;
    }
  }
}

// The differential check: a valid stream reads the same document by
// document; a stream with an error gives the same documents up to it, and
// an error (not always at the same place: see document_split_test.cpp).
void check_same_as_one_stream(std::string_view text) {
  text = kube_harden::without_byte_order_mark(text);
  using kube_harden::DocumentRange;
  using kube_harden::testing_support::dump_yaml_file;
  const auto whole =
      kube_harden::load_yaml_documents(text, std::vector<DocumentRange>{{0, text.size(), 0}});
  const auto split = kube_harden::load_yaml_documents(text, kube_harden::split_documents(text));
  const std::vector<std::string> whole_dump = dump_yaml_file(whole.file);
  const std::vector<std::string> split_dump = dump_yaml_file(split.file);
  if (whole.errors.empty()) {
    if (!split.errors.empty() || whole_dump != split_dump) std::abort();
    return;
  }
  const size_t before_error = whole.file.documents.size();
  if (split.errors.empty() || split.file.documents.size() < before_error) std::abort();
  for (size_t i = 0; i < before_error; ++i) {
    if (whole_dump[i] != split_dump[i]) std::abort();
  }
}

// Where the first pass takes a document's outline for it, the model gives
// the same view, and documents sketched or only counted load without error (see
// tests/document_outline_test.cpp).
void check_outlines(std::string_view text) {
  text = kube_harden::without_byte_order_mark(text);
  if (!kube_harden::is_yaml_text(text)) return;
  using kube_harden::FirstPassView;
  for (const kube_harden::DocumentRange& range : kube_harden::split_documents(text)) {
    std::string_view document = text.substr(range.begin, range.end - range.begin);
    FirstPassView view = kube_harden::first_pass_view(
        kube_harden::outline_document(document, range.first_line), 0);
    if (view.action == FirstPassView::Action::Load) continue;
    // A document the outline takes nothing from may be broken, unless it
    // is only counted: the loader then takes nothing from it either.
    if (!kube_harden::testing_support::agrees(
            view, kube_harden::testing_support::first_pass_by_loader(text, range))) {
      std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const kube_harden::YamlLoadResult result = kube_harden::load_yaml(text);
  for (const YamlNode* document : result.file.documents) check_document(document);
  // A duplicate key points at its document; those of a document dropped
  // for an error are dropped with it.
  const size_t documents = result.file.documents.size();
  for (const auto& duplicate : result.file.duplicate_keys) {
    if (duplicate.document >= documents) std::abort();
  }
  check_same_as_one_stream(text);
  check_outlines(text);
  return 0;
}
