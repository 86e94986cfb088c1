#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "load/document_split.h"
#include "load/yaml_documents.h"
#include "yaml_file_dump.h"

namespace kube_harden {
namespace {

namespace fs = std::filesystem;
using testing_support::dump_yaml_file;

std::vector<std::string> pieces(std::string_view text) {
  std::vector<std::string> out;
  for (const DocumentRange& range : split_documents(text)) {
    out.push_back(std::to_string(range.first_line) + ":" +
                  std::string(text.substr(range.begin, range.end - range.begin)));
  }
  return out;
}

TEST(DocumentSplit, CutsBeforeStartMarkersAndAfterEndMarkers) {
  EXPECT_EQ(pieces("a: 1\n---\nb: 2\n--- |\n  x\n...\n---\t# c\r\n"),
            (std::vector<std::string>{"0:a: 1\n", "1:---\nb: 2\n", "3:--- |\n  x\n...\n",
                                      "6:---\t# c\r\n"}));
  EXPECT_EQ(pieces("a: 1\n... # end\nb: 2\n...\n"),
            (std::vector<std::string>{"0:a: 1\n... # end\n", "2:b: 2\n...\n"}));
  EXPECT_EQ(pieces("---\na: 1\n---"), (std::vector<std::string>{"0:---\na: 1\n", "2:---"}));
}

TEST(DocumentSplit, OnlyMarkersAtTheStartOfALineFollowedByABlankCount) {
  EXPECT_EQ(pieces("---a: 1\n ---\nb: ...\n....\n-- -\n"),
            (std::vector<std::string>{"0:---a: 1\n ---\nb: ...\n....\n-- -\n"}));
}

TEST(DocumentSplit, ALoneCarriageReturnIsNoLineBreak) {
  EXPECT_EQ(pieces(")\n---\rm\n---\r\nn"),
            (std::vector<std::string>{"0:)\n---\rm\n", "2:---\r\nn"}));
}

TEST(DocumentSplit, AnEndMarkerWithContentAfterItIsNoCut) {
  EXPECT_EQ(pieces("a: 1\n... b\nc\n"), (std::vector<std::string>{"0:a: 1\n... b\nc\n"}));
}

TEST(DocumentSplit, TextWithDirectivesIsOneRange) {
  EXPECT_EQ(pieces("a: 1\n...\n%YAML 1.2\n---\nb: 2\n"),
            (std::vector<std::string>{"0:a: 1\n...\n%YAML 1.2\n---\nb: 2\n"}));
}

TEST(DocumentSplit, EmptyTextIsOneEmptyRange) {
  EXPECT_EQ(pieces(""), (std::vector<std::string>{"0:"}));
}

TEST(DocumentSplit, ASyntaxErrorCostsOnlyItsOwnDocument) {
  YamlLoadResult result = load_yaml("a: 1\n---\nb: [1, 2\n---\nc: 3\nc: 4\n");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].position, (Position{3, 4}));  // the unclosed '['
  ASSERT_EQ(result.file.documents.size(), 2u);
  EXPECT_EQ(result.file.documents[1]->find_entry("c")->key->position, (Position{6, 1}));
  ASSERT_EQ(result.file.duplicate_keys.size(), 1u);
  EXPECT_EQ(result.file.duplicate_keys[0].document, 1u);
}

TEST(DocumentSplit, EachBrokenDocumentIsReported) {
  YamlLoadResult result = load_yaml("a: [\n---\nb: 1\n---\nc: 'x\n---\nd: 2\n");
  ASSERT_EQ(result.errors.size(), 2u);
  EXPECT_EQ(result.errors[0].position.line, 1u);  // the unclosed '['
  EXPECT_EQ(result.errors[1].position.line, 6u);  // "---" inside the quoted scalar
  EXPECT_EQ(result.file.documents.size(), 2u);
}

TEST(DocumentSplit, TooManyDocumentsStopsTheFile) {
  YamlLimits limits;
  limits.max_documents = 2;
  YamlLoadResult result = load_yaml("a: 1\n---\nb: 2\n---\nc: 3\n---\nd: [\n---\ne: 5\n", limits);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].position.line, 4u);  // the third document's "---"
  EXPECT_EQ(result.file.documents.size(), 2u);
}

// What the whole text gives when yaml-cpp reads it as one stream, as the
// loader did before it read documents one by one.
YamlLoadResult load_as_one_stream(std::string_view text) {
  return load_yaml_documents(text, std::vector<DocumentRange>{{0, text.size(), 0}});
}

// Reading document by document gives what one stream gives: the same
// documents, positions and duplicate keys when the stream is valid; where
// the stream stops at an error, the same documents up to it, and an error.
// Where is not compared: reading on, yaml-cpp blames the "-" of "[\n---\n-",
// and a range read alone rightly blames the unclosed "[". Nor are the
// documents after it: reading one by one adds those, and even one before it
// in ":\nu\n---\n]", where yaml-cpp's lookahead meets the "]" before the
// first document ends and loses that document.
void expect_same_as_one_stream(std::string_view text, const std::string& name) {
  YamlLoadResult whole = load_as_one_stream(text);
  YamlLoadResult split = load_yaml_documents(text, split_documents(text));
  std::vector<std::string> whole_dump = dump_yaml_file(whole.file);
  std::vector<std::string> split_dump = dump_yaml_file(split.file);
  if (whole.errors.empty()) {
    EXPECT_TRUE(split.errors.empty()) << name;
    EXPECT_EQ(whole_dump, split_dump) << name;
    return;
  }
  EXPECT_FALSE(split.errors.empty()) << name;
  ASSERT_LE(whole.file.documents.size(), split.file.documents.size()) << name;
  for (size_t i = 0; i < whole.file.documents.size(); ++i) {
    EXPECT_EQ(whole_dump[i], split_dump[i]) << name << " document " << i;
  }
}

TEST(DocumentSplit, TrickyStreamsReadAsOneStreamDoes) {
  const char* texts[] = {
      "a: |\n  x\n---\nb: 1\n",
      "--- |\nfoo\n---\nbar\n",
      "--- |\n  x\n ---\n",
      "a: \"x\n---\ny\"\n",
      "a: 'x\n---\ny'\n",
      "a: [1,\n---\n2]\n",
      "a: x\n  y\n---\nb: 1\n",
      "a: x\n... # c\nb: 1\n",
      "a: x\n...\n---\n...\n",
      "---\t\na: 1\n--- &x [1]\n--- *x\n",
      "a: &x 1\n---\nb: *x\n",
      "a: 1\r\n---\r\nb: 2\r\n",
      "# only\n# comments\n---\n",
      "---\n---\n---\n",
      "? |\n  k\n---\n: v\n",
      "- a\n---\n- b\n  - c\n",
      "a: 1\na: 2\n---\nb: {c: 1, c: 2}\n",
      "a:\n\tb: 1\n---\nc: 1\n",
      "...\n\xEF\xBB\xBF",  // found by fuzz_loader
      "a: 1\n...\n\xEF\xBB\xBF b: 2\n",
      "[\n--- -",
      "[\n---\n-",
      ":\nu\n---\n]",  // found by fuzz_loader, as the two above
      "... P\ny",       // and this one
      "a: 1\n... # done\nb: 2\n...\t\nc: 3\n",
      ")\n---\rm",  // found by fuzz_loader: a lone carriage return is text
      ")\n---\r\nm\n",
      ")\n---\r",
      "a\n...\rb\n...\r\nc\n",
  };
  for (const char* text : texts) expect_same_as_one_stream(text, text);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void expect_tree_reads_as_one_stream(const fs::path& dir) {
  size_t files = 0;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(dir)) {
    std::string extension = entry.path().extension().string();
    if (!entry.is_regular_file() || (extension != ".yaml" && extension != ".yml")) continue;
    std::string text = read_file(entry.path());
    text = std::string(without_byte_order_mark(text));
    expect_same_as_one_stream(text, entry.path().string());
    ++files;
  }
  EXPECT_GT(files, 0u) << dir;
}

TEST(DocumentSplit, TestdataReadsAsOneStream) {
  expect_tree_reads_as_one_stream(fs::path(KH_SOURCE_DIR) / "testdata");
}

TEST(DocumentSplit, CorpusReadsAsOneStream) {
  fs::path corpus = fs::path(KH_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!fs::exists(corpus / "MANIFEST.tsv")) {
    GTEST_SKIP() << "../shared/corpus not present (it is beside the repository in CI); skipping";
  }
  expect_tree_reads_as_one_stream(corpus);
}

}  // namespace
}  // namespace kube_harden
