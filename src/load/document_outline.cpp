#include "load/document_outline.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "load/document_split.h"

namespace kube_harden {
namespace {

// Where a mapping sits, for the few paths an outline reads. Everything else
// is None: read only to be sure of the document's shape.
enum class Path {
  None,
  Root,
  Metadata,
  Labels,
  Spec,
  Template,
  TemplateMetadata,
  TemplateLabels,
  JobTemplate,
  JobSpec,
  JobPodTemplate,
  JobPodMetadata,
  JobPodLabels,
  ScalarField,  // the value of apiVersion, kind, name or namespace: must be a scalar
};

struct Step {
  Path from;
  std::string_view key;
  Path to;
};

constexpr std::array kSteps{
    Step{Path::Root, "metadata", Path::Metadata},
    Step{Path::Metadata, "labels", Path::Labels},
    Step{Path::Root, "spec", Path::Spec},
    Step{Path::Spec, "template", Path::Template},
    Step{Path::Template, "metadata", Path::TemplateMetadata},
    Step{Path::TemplateMetadata, "labels", Path::TemplateLabels},
    Step{Path::Spec, "jobTemplate", Path::JobTemplate},
    Step{Path::JobTemplate, "spec", Path::JobSpec},
    Step{Path::JobSpec, "template", Path::JobPodTemplate},
    Step{Path::JobPodTemplate, "metadata", Path::JobPodMetadata},
    Step{Path::JobPodMetadata, "labels", Path::JobPodLabels},
};

Path child_path(Path parent, std::string_view key) {
  for (const Step& step : kSteps) {
    if (step.from == parent && step.key == key) return step.to;
  }
  return Path::None;
}

bool is_label_map(Path path) {
  return path == Path::Labels || path == Path::TemplateLabels || path == Path::JobPodLabels;
}

// What follows "key:" or "- " on a line.
struct Value {
  enum class Kind {
    Nothing,     // no value on the line: null, or a block on the next lines
    Null,        // ~, null, Null, NULL
    Text,        // a plain or quoted scalar, all on this line
    Plain,       // a plain scalar, which may continue on more indented lines
    Block,       // | or >: the content is on the next lines
    QuotedOpen,  // a quoted scalar that goes on to the next lines (`quote` says which)
    EmptyMap,    // {}
    Flow,        // another flow collection, all on this line
    Unreadable,  // anything the outline does not read: leave it to the loader
  } kind = Kind::Nothing;
  std::string text;
  bool commented = false;  // a comment follows on the line: a plain scalar ends there
  char quote = 0;          // for QuotedOpen
};

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

// The first character of `text` from `from` on that is not a blank, or
// npos. (std::string_view::find_first_not_of(" \t") calls memchr for each
// character: on the deep indentation of a CRD that was most of the outline.)
size_t first_non_blank(std::string_view text, size_t from = 0) {
  for (size_t i = from; i < text.size(); ++i) {
    if (!is_blank(text[i])) return i;
  }
  return std::string_view::npos;
}

// The same past carriage returns too.
size_t first_content(std::string_view text, size_t from = 0) {
  for (size_t i = from; i < text.size(); ++i) {
    if (!is_blank(text[i]) && text[i] != '\r') return i;
  }
  return std::string_view::npos;
}

// True when the rest of a line after a value is blanks and perhaps a comment.
bool only_comment_after(std::string_view rest) {
  size_t content = first_non_blank(rest);
  if (content == std::string_view::npos) return true;
  return content > 0 && rest[content] == '#';
}

// A plain scalar ends at " #": the comment.
std::string_view strip_comment(std::string_view text) {
  for (size_t i = 1; i < text.size(); ++i) {
    if (text[i] == '#' && is_blank(text[i - 1])) return text.substr(0, i);
  }
  return text;
}

std::string_view trim_end(std::string_view text) {
  size_t end = text.size();
  while (end > 0 && is_blank(text[end - 1])) --end;
  return text.substr(0, end);
}

// Whether `text` could be a mapping key or entry in plain style: ": " or a
// final ':' would make it one.
bool has_mapping_indicator(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ':' && (i + 1 == text.size() || is_blank(text[i + 1]))) return true;
  }
  return false;
}

// What a double-quoted scalar's escape `\c` stands for, when it is one of
// those JSON and manifests use; nullopt for the rest (\x, \u, a line
// break...), left to the loader, as yaml-cpp refuses some of them.
std::optional<char> simple_escape(char c) {
  switch (c) {
    case '"':
    case '\\':
    case '/':
    case ' ':
      return c;
    case 'n':
      return '\n';
    case 't':
      return '\t';
    default:
      return std::nullopt;
  }
}

// Reads a quoted scalar's text from `at` (past its opening quote) to its
// closing quote on this line: where that quote is, or npos when the scalar
// goes on to the next line. Appends what it reads to `text` unless null.
// nullopt when the outline does not read it (an escape it does not know).
std::optional<size_t> read_quoted(std::string_view line, size_t at, char quote, std::string* text) {
  for (size_t i = at; i < line.size(); ++i) {
    char c = line[i];
    if (quote == '"' && c == '\\') {
      std::optional<char> escaped = i + 1 < line.size() ? simple_escape(line[i + 1]) : std::nullopt;
      if (!escaped) return std::nullopt;
      if (text) text->push_back(*escaped);
      ++i;
      continue;
    }
    if (c != quote) {
      if (text) text->push_back(c);
      continue;
    }
    if (quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
      if (text) text->push_back('\'');
      ++i;
      continue;
    }
    return i;
  }
  return std::string_view::npos;
}

// yaml-cpp takes no key longer than 1024 characters without "?": leave
// long keys, and flow collections that may hold them, to the loader.
constexpr size_t kLongestKey = 1000;

// Reads a flow collection that opens and closes on one line, in the plain
// forms manifests use ("[get, list]", {a: "b"}), and only those: anything
// else (escapes but the few read_quoted() reads, empty or implicit entries,
// deep nesting, plain scalars with indicators or blanks...) may be an error
// to yaml-cpp, found by fuzz_loader, and is left to the loader.
class FlowReader {
 public:
  explicit FlowReader(std::string_view text) : text_(text.substr(0, kLongestKey)) {}

  // The length of the collection at the start of the text, or npos.
  size_t length() { return collection() ? at_ : std::string_view::npos; }

 private:
  static constexpr int kDeepest = 8;

  bool at(char c) const { return at_ < text_.size() && text_[at_] == c; }

  void skip_blanks() {
    while (at_ < text_.size() && is_blank(text_[at_])) ++at_;
  }

  bool collection() {
    char close = at('[') ? ']' : '}';
    bool mapping = close == '}';
    if (++depth_ > kDeepest) return false;
    ++at_;
    skip_blanks();
    if (at(close)) return ++at_, --depth_, true;
    while (true) {
      if (mapping) {
        if (!scalar()) return false;
        skip_blanks();
        // "key: value", with a blank after the colon.
        if (!at(':') || at_ + 1 >= text_.size() || !is_blank(text_[at_ + 1])) return false;
        ++at_;
        skip_blanks();
      }
      if (!node()) return false;
      skip_blanks();
      if (at(close)) return ++at_, --depth_, true;
      if (!at(',')) return false;
      ++at_;
      skip_blanks();
      if (at(close) || at(',')) return false;  // an empty entry
    }
  }

  bool node() { return at('[') || at('{') ? collection() : scalar(); }

  bool scalar() { return at('"') || at('\'') ? quoted() : plain(); }

  // A quoted scalar that closes on this line, with the escapes read_quoted() reads.
  bool quoted() {
    std::optional<size_t> end = read_quoted(text_, at_ + 1, text_[at_], nullptr);
    if (!end || *end == std::string_view::npos) return false;
    at_ = *end + 1;
    return true;
  }

  // A plain scalar of one word: letters, digits and a few safe marks.
  bool plain() {
    auto word_start = [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '/';
    };
    auto word_part = [&](char c) {
      return word_start(c) || std::string_view("-=+~$()").find(c) != std::string_view::npos;
    };
    if (at_ >= text_.size() || !word_start(text_[at_])) return false;
    while (at_ < text_.size() && word_part(text_[at_])) ++at_;
    return true;
  }

  std::string_view text_;
  size_t at_ = 0;
  int depth_ = 0;
};

Value quoted_value(std::string_view text) {
  Value value{Value::Kind::Text, {}};
  char quote = text.front();
  std::optional<size_t> end = read_quoted(text, 1, quote, &value.text);
  if (!end) return {Value::Kind::Unreadable, {}};
  if (*end == std::string_view::npos) return {Value::Kind::QuotedOpen, {}, false, quote};
  if (!only_comment_after(text.substr(*end + 1))) return {Value::Kind::Unreadable, {}};
  return value;
}

// Reads a value written after "key:" or "- ", the line's end excluded.
Value read_value(std::string_view text) {
  size_t start = first_non_blank(text);
  if (start == std::string_view::npos) return {};
  text = text.substr(start);
  char first = text.front();
  if (first == '#') return {};
  if (first == '"' || first == '\'') return quoted_value(text);
  if (first == '[' || first == '{') {
    size_t length = FlowReader(text).length();
    if (length == std::string_view::npos || !only_comment_after(text.substr(length))) {
      return {Value::Kind::Unreadable, {}};
    }
    return {text.substr(0, length) == "{}" ? Value::Kind::EmptyMap : Value::Kind::Flow, {}};
  }
  if (first == '|' || first == '>') {
    // Chomping only: an explicit indentation indicator is left to the loader.
    size_t header = text.find_first_not_of("+-", 1);
    if (header == std::string_view::npos || only_comment_after(text.substr(header))) {
      return {Value::Kind::Block, {}};
    }
    return {Value::Kind::Unreadable, {}};
  }
  static constexpr std::string_view kNotPlain = ",]}&*!%@`";
  if (kNotPlain.find(first) != std::string_view::npos) return {Value::Kind::Unreadable, {}};
  if ((first == '-' || first == '?' || first == ':') && (text.size() == 1 || is_blank(text[1]))) {
    return {Value::Kind::Unreadable, {}};
  }
  std::string_view uncommented = strip_comment(text);
  std::string_view plain = trim_end(uncommented);
  if (has_mapping_indicator(plain)) return {Value::Kind::Unreadable, {}};
  if (plain == "~" || plain == "null" || plain == "Null" || plain == "NULL") {
    return {Value::Kind::Null, {}};
  }
  return {Value::Kind::Plain, std::string(plain), uncommented.size() != text.size()};
}

// The key of a line "key: value" in plain style, and where its value starts;
// nullopt when the line is not such an entry.
struct KeyLine {
  std::string_view key;
  std::string_view rest;
};

std::optional<KeyLine> read_key(std::string_view content) {
  static constexpr std::string_view kNotAKeyStart = "\"'?{[]},&*!|>%@`#";
  if (kNotAKeyStart.find(content.front()) != std::string_view::npos) return std::nullopt;
  if (content.front() == '-' && (content.size() == 1 || is_blank(content[1]))) return std::nullopt;
  for (size_t i = 0; i < content.size(); ++i) {
    if (content[i] == '#' && i > 0 && is_blank(content[i - 1])) return std::nullopt;
    if (content[i] != ':' || (i + 1 < content.size() && !is_blank(content[i + 1]))) continue;
    std::string_view key = content.substr(0, i);
    if (key.empty() || is_blank(key.back()) || key.back() == ':') return std::nullopt;
    if (key.size() > kLongestKey) return std::nullopt;
    return KeyLine{key, content.substr(i + 1)};
  }
  return std::nullopt;
}

bool is_null_word(std::string_view text) {
  return text == "~" || text == "null" || text == "Null" || text == "NULL";
}

class Outliner {
 public:
  Outliner(std::string_view text, uint32_t first_line) : text_(text), first_line_(first_line) {}

  DocumentOutline run() {
    size_t start = 0;
    for (uint32_t line = 0; start < text_.size() && !kind_may_change_; ++line) {
      size_t newline = text_.find('\n', start);
      size_t end = newline == std::string_view::npos ? text_.size() : newline;
      std::string_view content = text_.substr(start, end - start);
      if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
      if (!unsure_) read_line(content, first_line_ + line);
      // Once unsure, and from the line it gave up on, only the root's keys count.
      if (unsure_) check_root_line(content);
      start = newline == std::string_view::npos ? text_.size() : newline + 1;
      if (ended_) break;
    }
    if (ended_ && !unsure_) check_nothing_after(start);
    if (quoted_) give_up();  // the document ends inside a quoted scalar: an error
    outline_.sure = !unsure_;
    outline_.kind_sure = outline_.kind.has_value() && !kind_may_change_;
    return std::move(outline_);
  }

 private:
  struct Frame {
    size_t indent;
    bool sequence;
    Path path;
  };
  // A line after which a more indented block may follow: "key:" or "-".
  struct Opener {
    size_t indent;
    Path path;
    bool key;  // "key:": a sequence may follow at the key's own indentation
  };

  void give_up() { unsure_ = true; }

  void read_line(std::string_view line, uint32_t line_number) {
    if (quoted_) return continue_quoted(line);
    if (is_document_marker(line)) {
      // "---" starts the range (split_documents() cut before it); "..."
      // ends the document. Either with at most a comment after it.
      ended_ = line.front() == '.';
      if (!ended_ && (!frames_.empty() || block_)) return give_up();
      if (!only_comment_after(line.substr(3))) give_up();
      return;
    }
    size_t indent = line.find_first_not_of(' ');
    // Tabs indent nothing in YAML: yaml-cpp refuses one where it reads
    // indentation, even on a line otherwise blank. Only in a block scalar's
    // content, past its indentation, is a tab text.
    bool in_block_text = block_ && block_->content_indent && indent >= *block_->content_indent;
    if (indent != std::string_view::npos && line[indent] == '\t' && !in_block_text) {
      return give_up();
    }
    bool blank = indent == std::string_view::npos || first_non_blank(line, indent) == line.npos;
    if (block_ && continue_block(line, indent, blank)) return;
    if (blank) return;
    std::string_view content = line.substr(indent);
    if (content.front() == '#') {
      plain_owner_.reset();  // a comment ends a multi-line plain scalar
      return;
    }
    if (plain_owner_ && indent > *plain_owner_) return continue_plain(content);
    plain_owner_.reset();
    place_line(content, indent, line_number);
  }

  static bool is_document_marker(std::string_view line) {
    return is_marker(line, "---") || is_marker(line, "...");
  }

  // A line of a quoted scalar that began on an earlier line, read only past
  // (the outline reads no such value): up to its closing quote, after which
  // only a comment may follow. yaml-cpp folds the lines whatever their
  // indentation; the outline wants them indented below the scalar's key or
  // "-", as YAML does, and leaves tabs and carriage returns to the loader.
  void continue_quoted(std::string_view line) {
    if (is_document_marker(line)) return give_up();  // yaml-cpp: an error
    if (line.find_first_of("\t\r") != std::string_view::npos) return give_up();
    size_t indent = line.find_first_not_of(' ');
    if (indent == std::string_view::npos) return;  // a blank line: a line break
    if (indent <= quoted_->owner_indent) return give_up();
    std::optional<size_t> end = read_quoted(line, indent, quoted_->quote, nullptr);
    if (!end) return give_up();
    if (*end == std::string_view::npos) return;
    if (!only_comment_after(line.substr(*end + 1))) return give_up();
    quoted_.reset();
  }

  // Lines of a block scalar: skipped while they are its content.
  bool continue_block(std::string_view line, size_t indent, bool blank) {
    if (blank) {
      // Before the first content line, a blank line may not be longer than it.
      if (!block_->content_indent) {
        block_->longest_leading_blank = std::max(block_->longest_leading_blank, line.size());
      }
      return true;
    }
    if (indent <= block_->parent_indent) {
      block_.reset();
      return false;
    }
    if (!block_->content_indent) {
      block_->content_indent = indent;
      if (block_->longest_leading_blank > indent) give_up();
    } else if (indent < *block_->content_indent) {
      give_up();  // less indented than its content, more than its parent: an error
    }
    return true;
  }

  // A line that continues a multi-line plain scalar. yaml-cpp reads it as
  // text up to ": " or " #", whatever its first character: an indicator
  // there (`code`, &&, "...) starts nothing. The outline still leaves lines
  // that start with "- ", "? " or ": " to the loader.
  void continue_plain(std::string_view content) {
    bool indicator = std::string_view("-?:").find(content.front()) != std::string_view::npos &&
                     (content.size() == 1 || is_blank(content[1]));
    std::string_view text = trim_end(strip_comment(content));
    if (text.size() != trim_end(content).size() || has_mapping_indicator(text) || indicator) {
      give_up();
    }
    if (plain_relevant_) give_up();  // the value would be folded: leave it to the loader
  }

  void place_line(std::string_view content, size_t indent, uint32_t line_number) {
    std::optional<Opener> opener = std::exchange(opener_, std::nullopt);
    bool item = content.front() == '-' && (content.size() == 1 || is_blank(content[1]));
    if (frames_.empty()) {
      if (item) return give_up();  // a sequence or scalar document: left to the loader
      outline_.empty = false;
      outline_.position = Position{line_number + 1, static_cast<uint32_t>(indent) + 1};
      frames_.push_back(Frame{indent, false, Path::Root});
      return read_entry(content, indent, line_number);
    }
    while (!frames_.empty() && frames_.back().indent > indent) frames_.pop_back();
    if (frames_.empty()) return give_up();  // less indented than the root
    if (opener && indent > opener->indent && !item && !read_key(content)) {
      return read_value_below(content, *opener);
    }
    if (opener && (indent > opener->indent || (opener->key && item && indent == opener->indent))) {
      if (opener->path == Path::ScalarField || (opener->path != Path::None && item)) {
        return give_up();  // a field read as a scalar or a mapping holds something else
      }
      if (frames_.size() > 64) return give_up();  // left to the loader's depth limit
      frames_.push_back(Frame{indent, item, item ? Path::None : opener->path});
    }
    Frame& top = frames_.back();
    if (top.sequence && top.indent == indent && !item) {
      frames_.pop_back();  // "key:\n- a\nnext:": the sequence ends with the next key
      if (frames_.empty()) return give_up();
    }
    const Frame& frame = frames_.back();
    if (frame.indent != indent || frame.sequence != item) return give_up();
    if (item) return read_item(content, indent, line_number);
    read_entry(content, indent, line_number);
  }

  // A scalar on the line below "key:" or "-", as generated CRDs write long
  // descriptions: its value, which the outline reads only past.
  void read_value_below(std::string_view content, const Opener& opener) {
    if (opener.path != Path::None) return give_up();  // a field the outline reads
    Value value = read_value(content);
    if (value.kind != Value::Kind::Plain && value.kind != Value::Kind::Text &&
        value.kind != Value::Kind::QuotedOpen && value.kind != Value::Kind::Block) {
      return give_up();
    }
    follow_value(value, opener.indent, Path::None, false);
  }

  // "- ..." in a sequence: nothing the outline reads is inside a sequence.
  void read_item(std::string_view content, size_t indent, uint32_t line_number) {
    std::string_view rest = content.substr(1);
    size_t start = rest.find_first_not_of(' ');
    if (start == std::string_view::npos || rest[start] == '#') {
      opener_ = Opener{indent, Path::None, false};
      return;
    }
    if (rest[start] == '\t') return give_up();
    rest = rest.substr(start);
    size_t item_indent = indent + 1 + start;
    if (rest.front() == '-' && (rest.size() == 1 || is_blank(rest[1]))) return give_up();
    if (read_key(rest)) {
      // "- key: value": a mapping whose keys are at the key's indentation.
      frames_.push_back(Frame{item_indent, false, Path::None});
      return read_entry(rest, item_indent, line_number);
    }
    follow_value(read_value(rest), indent, Path::None, false);
  }

  // "key: value" in the mapping of the innermost frame.
  void read_entry(std::string_view content, size_t indent, uint32_t line_number) {
    std::optional<KeyLine> entry = read_key(content);
    if (!entry) return give_up();
    Path parent = frames_.back().path;
    std::string_view key = entry->key;
    if (key == "<<") return give_up();  // merge keys: the loader applies them
    Value value = read_value(entry->rest);
    if (value.kind == Value::Kind::Unreadable) return give_up();
    if (is_label_map(parent)) {
      if (is_null_word(key)) return give_up();
      if (value.kind == Value::Kind::Block) return give_up();
      bool text = value.kind == Value::Kind::Text || value.kind == Value::Kind::Plain;
      labels_of(parent).push_back(
          KeyValue{std::string(key), text ? value.text : std::string(),
                   Position{line_number + 1, static_cast<uint32_t>(indent) + 1}});
      // A value below the key is the label's too: read as a scalar field's.
      return follow_value(value, indent, Path::ScalarField, true);
    }
    if (std::optional<std::string>* field = scalar_field(parent, key)) {
      if (!seen(parent, key)) return give_up();  // the loader keeps the last: leave it to it
      switch (value.kind) {
        case Value::Kind::Text:
        case Value::Kind::Plain:
          *field = value.text;
          break;
        case Value::Kind::Nothing:
        case Value::Kind::Null:
          field->reset();
          break;
        default:
          return give_up();
      }
      return follow_value(value, indent, Path::ScalarField, true);
    }
    Path child = child_path(parent, key);
    if (child != Path::None) {
      if (!seen(parent, key)) return give_up();
      if (value.kind != Value::Kind::Nothing && value.kind != Value::Kind::Null &&
          value.kind != Value::Kind::EmptyMap) {
        return give_up();
      }
    }
    follow_value(value, indent, child, false);
  }

  // What the lines after a value may be: a nested block (`child` says what
  // it is), a block scalar's content, or a plain scalar's continuation,
  // which may not fold a value the outline reads (`read`).
  void follow_value(const Value& value, size_t owner_indent, Path child, bool read) {
    bool key = !frames_.back().sequence;
    switch (value.kind) {
      case Value::Kind::Nothing:
        opener_ = Opener{owner_indent, child, key};
        break;
      case Value::Kind::Block:
        block_ = BlockScalar{owner_indent, std::nullopt, 0};
        break;
      case Value::Kind::Plain:
        // After a comment, a more indented line continues nothing: place_line() gives up.
        if (value.commented) break;
        plain_owner_ = owner_indent;
        plain_relevant_ = read;
        break;
      case Value::Kind::QuotedOpen:
        if (read) return give_up();  // the value would be folded: leave it to the loader
        quoted_ = OpenQuote{value.quote, owner_indent};
        break;
      case Value::Kind::Unreadable:
        give_up();
        break;
      default:
        break;
    }
  }

  std::vector<KeyValue>& labels_of(Path path) {
    if (path == Path::Labels) return outline_.labels;
    if (path == Path::TemplateLabels) return outline_.template_labels;
    return outline_.job_template_labels;
  }

  std::optional<std::string>* scalar_field(Path parent, std::string_view key) {
    if (parent == Path::Root && key == "apiVersion") return &outline_.api_version;
    if (parent == Path::Root && key == "kind") return &outline_.kind;
    if (parent == Path::Metadata && key == "name") return &outline_.name;
    if (parent == Path::Metadata && key == "namespace") return &outline_.namespace_name;
    return nullptr;
  }

  // Records a key the outline reads; false when the mapping had it already.
  bool seen(Path parent, std::string_view key) {
    std::pair<Path, std::string> entry{parent, std::string(key)};
    if (std::find(seen_.begin(), seen_.end(), entry) != seen_.end()) return false;
    seen_.push_back(std::move(entry));
    return true;
  }

  // A line read after the outline gave up: could it set the root's kind
  // again? Only a line at the root's indentation could, as a key that is
  // or may be "kind" (quoted, explicit, an alias, a merge...).
  void check_root_line(std::string_view line) {
    if (frames_.empty()) {
      kind_may_change_ = true;
      return;
    }
    size_t root_indent = frames_.front().indent;
    size_t indent = line.find_first_not_of(' ');
    if (indent == std::string_view::npos || line[indent] == '#') return;
    if (first_content(line, indent) == std::string_view::npos) return;
    if (indent < root_indent) {
      kind_may_change_ = true;
      return;
    }
    if (indent > root_indent) return;
    std::string_view content = line.substr(indent);
    static constexpr std::string_view kMayBeKind = "\"'?<*&!{[.\t";
    if (content.starts_with("kind") || kMayBeKind.find(content.front()) != std::string_view::npos) {
      kind_may_change_ = true;
    }
  }

  // After "...", only blank and comment lines may follow in the range.
  void check_nothing_after(size_t start) {
    for (size_t i = start; i < text_.size() && !unsure_;) {
      size_t newline = text_.find('\n', i);
      size_t end = newline == std::string_view::npos ? text_.size() : newline;
      std::string_view line = text_.substr(i, end - i);
      size_t content = first_content(line);
      if (content != std::string_view::npos && line[content] != '#') give_up();
      if (newline == std::string_view::npos) break;
      i = newline + 1;
    }
  }

  struct BlockScalar {
    size_t parent_indent;
    std::optional<size_t> content_indent;
    size_t longest_leading_blank;
  };

  struct OpenQuote {
    char quote;
    size_t owner_indent;  // of the scalar's key or "-"
  };

  std::string_view text_;
  uint32_t first_line_;
  DocumentOutline outline_;
  std::vector<Frame> frames_;
  std::optional<Opener> opener_;
  std::optional<BlockScalar> block_;
  std::optional<OpenQuote> quoted_;    // a quoted scalar goes on to the next line
  std::optional<size_t> plain_owner_;  // indentation of the plain scalar's key or "-"
  bool plain_relevant_ = false;        // that scalar is a value the outline reads
  std::vector<std::pair<Path, std::string>> seen_;
  bool ended_ = false;
  bool unsure_ = false;
  bool kind_may_change_ = false;
};

}  // namespace

DocumentOutline outline_document(std::string_view range, uint32_t first_line) {
  return Outliner(range, first_line).run();
}

}  // namespace kube_harden
