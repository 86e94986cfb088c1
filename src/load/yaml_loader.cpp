#include "kube_harden/yaml_loader.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstdint>
#include <istream>
#include <optional>
#include <stdexcept>
#include <streambuf>
#include <unordered_map>

#include "load/document_split.h"
#include "load/line_index.h"
#include "load/yaml_documents.h"
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

// A problem our own checks find while building the tree. Most cost only
// the document they are in; `ends_file` ones stop the reading of the file.
struct TreeError : std::runtime_error {
  TreeError(Position position, const std::string& message, bool ends_file = false)
      : std::runtime_error(message), position(position), ends_file(ends_file) {}
  Position position;
  bool ends_file;
};

// Builds a YamlNode tree from yaml-cpp's parse events, keeping every node's
// position. Aliases share the anchored node, so no input can make us copy
// subtrees; we only count the size the document would have if expanded.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(YamlFile& file, const LineIndex& lines, const YamlLimits& limits)
      : file_(file), lines_(lines), limits_(limits) {}

  // The documents parsed next are those of a range of the file starting at
  // its 0-based line `first_line`: yaml-cpp counts lines from there. A
  // document that starts at byte `ignored_from` of the range or later is
  // not the range's and is not kept.
  void start_range(uint32_t first_line, size_t ignored_from) {
    first_line_ = first_line;
    ignored_from_ = ignored_from;
  }

  Position position(const YAML::Mark& mark) const {
    int line = mark.line < 0 ? mark.line : mark.line + static_cast<int>(first_line_);
    return lines_.position(line, mark.column);
  }

  void OnDocumentStart(const YAML::Mark& mark) override {
    ignoring_ = mark.pos >= 0 && static_cast<size_t>(mark.pos) >= ignored_from_;
    if (ignoring_) return;
    if (file_.documents.size() + file_.empty_documents >= limits_.max_documents) {
      throw TreeError(position(mark),
                      "more than " + std::to_string(limits_.max_documents) +
                          " documents in one file; refusing to read the rest",
                      true);
    }
    open_.clear();
    pending_items_.clear();
    pending_entries_.clear();
    anchors_.clear();
    root_ = nullptr;
  }

  void OnDocumentEnd() override {
    if (ignoring_) return;
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
    Position at = position(mark);
    if (it == anchors_.end()) throw TreeError(at, "an alias refers to an unknown anchor");
    if (!it->second.complete) {
      throw TreeError(at, "an alias refers to a node that contains it (a cycle)");
    }
    attach(it->second.node);
    add_size(it->second.expanded_size, at);
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
    node.position = position(mark);
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
        // Appended piece by piece: g++ 12 warns (falsely, -Wrestrict) on "[" + ... here.
        path += '[';
        path += std::to_string(end - open.first - 1);
        path += ']';
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
  uint32_t first_line_ = 0;
  size_t ignored_from_ = SIZE_MAX;
  bool ignoring_ = false;
};

// Reads the documents of one range into `builder`'s file; an error there
// is returned, and only the document it is in is lost.
std::optional<YamlError> read_range(std::string_view text, const DocumentRange& range,
                                    TreeBuilder& builder, bool& ends_file) {
  // yaml-cpp accepts an open quoted scalar at the end of its input but not
  // at a "---" line: reading on to the next range's marker keeps that error.
  constexpr std::string_view kNextMarker = "---";
  size_t size = range.end - range.begin;
  bool marker_follows = text.substr(range.end).starts_with(kNextMarker);
  builder.start_range(range.first_line, size);
  size_t read_size = size + (marker_follows ? kNextMarker.size() : 0);
  ViewStreamBuffer buffer(text.substr(range.begin, read_size));
  std::istream stream(&buffer);
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const YAML::Exception& error) {
    Position position = builder.position(error.mark);
    // yaml-cpp notices an unclosed '[' or '{' only at the end of the input;
    // the opening bracket is where the author has to look.
    if (error.msg.ends_with("flow not found") && builder.innermost_open_node()) {
      position = builder.innermost_open_node()->position;
    }
    return YamlError{position, plain_yaml_message(error.msg)};
  } catch (const TreeError& error) {
    ends_file = error.ends_file;
    return YamlError{error.position, error.what()};
  }
  return std::nullopt;
}

}  // namespace

YamlLoadResult load_yaml(std::string_view text, const YamlLimits& limits) {
  text = without_byte_order_mark(text);
  return load_yaml_documents(text, split_documents(text), limits);
}

bool is_yaml_text(std::string_view text) { return !check_text(text); }

YamlLoadResult load_yaml_documents(std::string_view text, std::span<const DocumentRange> ranges,
                                   const YamlLimits& limits) {
  YamlLoadResult result;
  if (std::optional<YamlError> error = check_text(text)) {
    result.errors.push_back(std::move(*error));
    return result;
  }
  LineIndex lines(text);
  TreeBuilder builder(result.file, lines, limits);
  for (const DocumentRange& range : ranges) {
    bool ends_file = false;
    std::optional<YamlError> error = read_range(text, range, builder, ends_file);
    if (!error) continue;
    result.errors.push_back(std::move(*error));
    // The document parsing stopped in is dropped; so are the duplicates found in it.
    std::erase_if(result.file.duplicate_keys, [&](const DuplicateKey& duplicate) {
      return duplicate.document >= result.file.documents.size();
    });
    if (ends_file) break;
  }
  return result;
}

}  // namespace kube_harden
