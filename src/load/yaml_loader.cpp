#include "kube_harden/yaml_loader.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <istream>
#include <stdexcept>
#include <streambuf>
#include <unordered_map>

#include "load/line_index.h"
#include "load/text_check.h"
#include "load/yaml_messages.h"

namespace kube_harden {
namespace {

// Lets yaml-cpp read the caller's buffer without copying it.
class ViewStreamBuffer : public std::streambuf {
 public:
  explicit ViewStreamBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

// A problem our own checks find while building the tree.
struct TreeError : std::runtime_error {
  TreeError(Position position, const std::string& message)
      : std::runtime_error(message), position(position) {}
  Position position;
};

// Builds a YamlNode tree from yaml-cpp's parse events, keeping every node's
// position. Aliases share the anchored node, so no input can make us copy
// subtrees; we only count the size the document would have if expanded.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(YamlFile& file, const LineIndex& lines, const YamlLimits& limits)
      : file_(file), lines_(lines), limits_(limits) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (file_.documents.size() + file_.empty_documents >= limits_.max_documents) {
      throw TreeError(lines_.position(mark.line, mark.column),
                      "more than " + std::to_string(limits_.max_documents) +
                          " documents in one file; refusing to read the rest");
    }
    open_.clear();
    pending_items_.clear();
    pending_entries_.clear();
    anchors_.clear();
    root_ = nullptr;
  }

  void OnDocumentEnd() override {
    if (root_ && !root_->is_null()) {
      file_.documents.push_back(root_);
    } else {
      ++file_.empty_documents;
    }
  }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode& node = make(mark, YamlKind::Null);
    finish_leaf(node, anchor);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode& node = make(mark, YamlKind::Scalar);
    node.plain = tag == "?";
    node.scalar = value;
    finish_leaf(node, anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    Position position = lines_.position(mark.line, mark.column);
    if (it == anchors_.end()) throw TreeError(position, "an alias refers to an unknown anchor");
    if (!it->second.complete) {
      throw TreeError(position, "an alias refers to a node that contains it (a cycle)");
    }
    attach(it->second.node);
    add_size(it->second.expanded_size, position);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(make(mark, YamlKind::Sequence), anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(make(mark, YamlKind::Map), anchor);
  }
  void OnMapEnd() override { close(); }

  const YamlNode* innermost_open_node() const {
    return open_.empty() ? nullptr : open_.back().node;
  }

 private:
  // A collection being read. Its children wait in pending_items_ or
  // pending_entries_ from index `first` on, above those of the collections
  // that contain it, and move into the node, in one allocation, when it closes.
  struct OpenNode {
    YamlNode* node;
    YAML::anchor_t anchor;
    uint64_t expanded_size;
    const YamlNode* pending_key;
    size_t first;
  };
  struct Anchor {
    const YamlNode* node;
    uint64_t expanded_size;
    bool complete;
  };

  YamlNode& make(const YAML::Mark& mark, YamlKind kind) {
    YamlNode& node = file_.arena.emplace_back();
    node.kind = kind;
    node.position = lines_.position(mark.line, mark.column);
    return node;
  }

  void finish_leaf(YamlNode& node, YAML::anchor_t anchor) {
    attach(&node);
    add_size(1, node.position);
    if (anchor) anchors_[anchor] = Anchor{&node, 1, true};
  }

  void open(YamlNode& node, YAML::anchor_t anchor) {
    if (open_.size() >= limits_.max_depth) {
      throw TreeError(node.position, "nested more than " + std::to_string(limits_.max_depth) +
                                         " levels deep; no Kubernetes manifest needs this");
    }
    attach(&node);
    if (anchor) anchors_[anchor] = Anchor{&node, 0, false};
    size_t first = node.is_sequence() ? pending_items_.size() : pending_entries_.size();
    open_.push_back(OpenNode{&node, anchor, 1, nullptr, first});
  }

  void close() {
    OpenNode closed = open_.back();
    open_.pop_back();
    if (closed.node->is_sequence()) {
      closed.node->items.assign(pending_items_.begin() + closed.first, pending_items_.end());
      pending_items_.resize(closed.first);
    } else {
      closed.node->entries.assign(pending_entries_.begin() + closed.first, pending_entries_.end());
      pending_entries_.resize(closed.first);
    }
    if (closed.node->is_map()) {
      record_duplicate_keys(*closed.node);
      apply_merge_keys(*closed.node);
    }
    if (closed.anchor) anchors_[closed.anchor] = Anchor{closed.node, closed.expanded_size, true};
    add_size(closed.expanded_size, closed.node->position);
  }

  static bool is_merge_key(const YamlNode& key) {
    return key.is_scalar() && key.plain && key.scalar == "<<";
  }

  static bool same_scalar_key(const YamlNode& a, const YamlNode& b) {
    return a.is_scalar() && b.is_scalar() && a.scalar == b.scalar;
  }

  static bool same_value(const YamlNode& a, const YamlNode& b) {
    if (&a == &b) return true;
    return a.kind == b.kind && a.kind != YamlKind::Map && a.kind != YamlKind::Sequence &&
           a.scalar == b.scalar && a.plain == b.plain;
  }

  // The field path of the map just closed, from the nodes still open above it:
  // each open map's last entry and each open sequence's last item lead to it.
  std::string path_to_closed_map() const {
    std::string path;
    for (size_t k = 0; k < open_.size(); ++k) {
      const OpenNode& open = open_[k];
      bool sequence = open.node->is_sequence();
      // This node's children end where the next open node of its kind starts.
      size_t end = sequence ? pending_items_.size() : pending_entries_.size();
      for (size_t j = k + 1; j < open_.size(); ++j) {
        if (open_[j].node->is_sequence() == sequence) {
          end = open_[j].first;
          break;
        }
      }
      if (sequence) {
        path += "[" + std::to_string(end - open.first - 1) + "]";
      } else if (end > open.first && pending_entries_[end - 1].key->is_scalar()) {
        if (!path.empty()) path += ".";
        path += pending_entries_[end - 1].key->scalar;
      }
    }
    return path.empty() ? path : path + ".";
  }

  void record_duplicate_keys(const YamlNode& map) {
    const auto& entries = map.entries;
    for (size_t later = 1; later < entries.size(); ++later) {
      const YamlNode& key = *entries[later].key;
      if (is_merge_key(key)) continue;
      for (size_t earlier = 0; earlier < later; ++earlier) {
        if (!same_scalar_key(*entries[earlier].key, key)) continue;
        const YamlNode& value = *entries[later].value;
        file_.duplicate_keys.push_back(
            DuplicateKey{file_.documents.size(), key.scalar, path_to_closed_map() + key.scalar,
                         entries[earlier].key->position, key.position,
                         !same_value(*entries[earlier].value, value),
                         value.is_scalar() ? value.scalar : std::string()});
        break;
      }
    }
  }

  // YAML merge keys (`<<: *defaults`, or a list of maps), which go-yaml and so
  // the API server apply but yaml-cpp does not. Without this a template could
  // hide `privileged: true` from us. Local keys win; among several merged maps
  // the first wins.
  void apply_merge_keys(YamlNode& map) {
    std::vector<const YamlNode*> sources;
    std::vector<YamlEntry> entries;
    for (const YamlEntry& entry : map.entries) {
      if (!is_merge_key(*entry.key)) {
        entries.push_back(entry);
        continue;
      }
      const YamlNode* value = entry.value;
      std::vector<const YamlNode*> candidates =
          value->is_sequence() ? value->items : std::vector<const YamlNode*>{value};
      for (const YamlNode* candidate : candidates) {
        if (!candidate->is_map()) {
          throw TreeError(entry.key->position,
                          "a merge key (<<) needs a mapping or a list of mappings as its value");
        }
        sources.push_back(candidate);
      }
    }
    if (sources.empty()) return;
    for (const YamlNode* source : sources) {
      for (const YamlEntry& inherited : source->entries) {
        bool overridden = std::any_of(entries.begin(), entries.end(), [&](const YamlEntry& own) {
          return same_scalar_key(*own.key, *inherited.key);
        });
        if (!overridden) entries.push_back(inherited);
      }
    }
    map.entries = std::move(entries);
  }

  void attach(const YamlNode* node) {
    if (open_.empty()) {
      root_ = node;
      return;
    }
    OpenNode& parent = open_.back();
    if (parent.node->is_sequence()) {
      pending_items_.push_back(node);
    } else if (!parent.pending_key) {
      parent.pending_key = node;
    } else {
      pending_entries_.push_back(YamlEntry{parent.pending_key, node});
      parent.pending_key = nullptr;
    }
  }

  void add_size(uint64_t size, Position position) {
    if (open_.empty()) return;
    uint64_t& total = open_.back().expanded_size;
    total += size;
    if (total > limits_.max_expanded_nodes) {
      throw TreeError(position, "aliases expand this document beyond " +
                                    std::to_string(limits_.max_expanded_nodes) +
                                    " nodes (an alias bomb?); refusing to read it");
    }
  }

  YamlFile& file_;
  const LineIndex& lines_;
  const YamlLimits& limits_;
  std::vector<OpenNode> open_;
  std::vector<const YamlNode*> pending_items_;
  std::vector<YamlEntry> pending_entries_;
  std::unordered_map<YAML::anchor_t, Anchor> anchors_;
  const YamlNode* root_ = nullptr;
};

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace

YamlLoadResult load_yaml(std::string_view text, const YamlLimits& limits) {
  if (text.starts_with(kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  YamlLoadResult result;
  LineIndex lines(text);
  if (std::optional<YamlError> error = check_text(text, lines)) {
    result.error = std::move(error);
    return result;
  }
  ViewStreamBuffer buffer(text);
  std::istream stream(&buffer);
  TreeBuilder builder(result.file, lines, limits);
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const YAML::Exception& error) {
    Position position = lines.position(error.mark.line, error.mark.column);
    // yaml-cpp notices an unclosed '[' or '{' only at the end of the input;
    // the opening bracket is where the author has to look.
    if (error.msg.ends_with("flow not found") && builder.innermost_open_node()) {
      position = builder.innermost_open_node()->position;
    }
    result.error = YamlError{position, plain_yaml_message(error.msg)};
  } catch (const TreeError& error) {
    result.error = YamlError{error.position, error.what()};
  }
  if (result.error) {
    // The document parsing stopped in is dropped; so are the duplicates found in it.
    std::erase_if(result.file.duplicate_keys, [&](const DuplicateKey& duplicate) {
      return duplicate.document >= result.file.documents.size();
    });
  }
  return result;
}

}  // namespace kube_harden
