#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "engine/first_pass.h"
#include "first_pass_check.h"
#include "kube_harden/model_builder.h"
#include "load/document_outline.h"
#include "load/document_split.h"
#include "load/yaml_documents.h"

namespace kube_harden {
namespace {

namespace fs = std::filesystem;
using testing_support::agrees;
using testing_support::describe;
using testing_support::first_pass_by_loader;
using testing_support::LoaderView;

// What the first pass takes from the document, in words.
std::string first_pass_of(std::string_view document) {
  return describe(first_pass_view(outline_document(document, 0), 0));
}

bool only_counted(std::string_view document) {
  return first_pass_view(outline_document(document, 0), 0).only_counted;
}

TEST(DocumentOutline, ReadsAWorkloadsNamespaceAndPodLabels) {
  EXPECT_EQ(first_pass_of("apiVersion: apps/v1\n"
                          "kind: Deployment\n"
                          "metadata:\n"
                          "  name: web  # the front end\n"
                          "  namespace: 'shop'\n"
                          "  labels:\n"
                          "    app: not-the-pods\n"
                          "spec:\n"
                          "  selector:\n"
                          "    matchLabels: {app: web}\n"
                          "  template:\n"
                          "    metadata:\n"
                          "      labels:\n"
                          "        app: web\n"
                          "        tier: \"front end\"\n"
                          "        empty:\n"
                          "    spec:\n"
                          "      containers:\n"
                          "      - name: c\n"
                          "        image: nginx:1.25\n"
                          "        args: [\"--port=80\", '--x']\n"
                          "        command:\n"
                          "        - sh\n"
                          "        - -c\n"
                          "        - |\n"
                          "          echo metadata:\n"
                          "            echo labels: x\n"
                          "      volumes: []\n"),
            "0 1:1 name=web ns=shop labels=[app=web][tier=front end][empty=]");
}

TEST(DocumentOutline, ReadsPastFlowCollectionsManifestsUse) {
  EXPECT_EQ(first_pass_of("kind: Pod\napiVersion: v1\nspec:\n  containers:\n  - name: a\n"
                          "    args: [\"--port=8080\", '-v', sh]\n"
                          "    env: [{name: A, value: \"1\"}, {}]\n    ports: []\n"),
            "0 1:1 name= ns= labels=");
}

TEST(DocumentOutline, ReadsPastScalarsWrittenBelowTheirKey) {
  // As controller-gen writes the descriptions of a CRD.
  EXPECT_TRUE(only_counted("kind: CustomResourceDefinition\napiVersion: apiextensions.k8s.io/v1\n"
                           "spec:\n  description:\n    A long text that goes\n    on and on\n"
                           "  items:\n  -\n    'quoted'\n  other: x\n"));
  EXPECT_EQ(first_pass_of("kind: Pod\napiVersion: v1\nmetadata:\n  name: p\n  annotations:\n"
                          "    a:\n      text below\n"),
            "0 1:1 name=p ns= labels=");
  const char* unsure[] = {
      "kind: Pod\napiVersion: v1\nmetadata:\n  name:\n    p\n",    // a field the outline reads
      "kind: Pod\napiVersion: v1\nmetadata:\n  labels:\n    p\n",  // labels that are no map
      // A label's value below its key (found by fuzz_loader).
      "kind: Pod\napiVersion: v1\nmetadata:\n  labels:\n    app:\n      web\n",
      "kind: Pod\napiVersion: v1\nx:\n  a # c\n  b\n",            // a line after a comment
      "kind: Pod\napiVersion: v1\nmetadata:\n  name:\n    |\n    a\n",  // a block read below
  };
  for (const char* document : unsure) EXPECT_EQ(first_pass_of(document), "load") << document;
}

// Generated CRDs wrap long descriptions in quotes over several lines, and
// their plain scalars go on over lines that start with `code` or "&&".
TEST(DocumentOutline, ReadsPastQuotedScalarsOverSeveralLines) {
  const std::string crd = "kind: CustomResourceDefinition\napiVersion: apiextensions.k8s.io/v1\n";
  const char* counted[] = {
      "x: 'Container name: required\n  for volumes, ''quoted''\n\n  and more.'\ny: 1\n",
      "x: \"BPFEnabled, if \\\"enabled\\\"\n    Felix \\\\ uses\" # a comment\ny: 1\n",
      "x:\n  \"[has(self.a),\n  has(self.b)]\"\ny: 1\n",  // below its key
      "x:\n- 'a\n  b'\n- c\n",                            // a sequence item
      "x: \"tab \\t and line \\n escapes\"\n",
      "x: Protocol is\n  `UDP` (default).\ny: 1\n",         // plain, going on with `code`
      "x: has(self.a)\n  && size(self.b) > 0\n",
      "x: a\n  \"b\" and 'c' [d] {e} *f !g %h @i |j >k ,l\n",
      "x: apply\n  --dry-run without ?this :or -that\n",
      "x: \"a\n  \\ b\\/c\"\n",                           // escaped blank and slash
      "x:\n  |-\n  a block scalar below its key\n\n  and more\ny: 1\n",
      "x:\n- >\n  folded\n- c\n",
      "x: [\"--name=\\\"a\\\"\", 'it''s', {k: \"\\\\n\"}]\n",  // escapes in a flow
  };
  for (const char* rest : counted) {
    std::string document = crd + rest;
    EXPECT_TRUE(only_counted(document)) << rest;
    // And yaml-cpp loads it without error, as one document skipped.
    FirstPassView view = first_pass_view(outline_document(document, 0), 0);
    EXPECT_TRUE(agrees(view, first_pass_by_loader(document, DocumentRange{0, document.size(), 0})))
        << rest;
  }
  const char* unsure[] = {
      "x: 'never closed\n  at all\n",
      "x: 'closed' but text follows\n",
      "x: 'a\n  b' c\n",            // text after the closing quote
      "x: 'a\nb'\n",                // a line no more indented than its key
      "x: 'a\n...\n  b'\n",         // a document marker inside
      "x: \"a\n  \tb\"\n",           // a tab
      "x: \"\\x41\"\n",              // an escape the outline does not read
      "x: \"a \\\n  b\"\n",           // an escaped line break
      "x: a\n  - b\n",               // plain, going on with "- "
      "x: a\n  ? b\n",
      "x: 1\n\t\ny: 2\n",                 // a line of only a tab: an error to yaml-cpp
      "x: >-\n    a\n \t\n    b\n",      // a tab in a block scalar's indentation
  };
  for (const char* rest : unsure) EXPECT_FALSE(only_counted(crd + rest)) << rest;
  // A value the outline reads is left to the loader when quoted over lines.
  EXPECT_EQ(first_pass_of("kind: Pod\napiVersion: v1\nmetadata:\n  name: 'a\n    b'\n"), "load");
  EXPECT_EQ(first_pass_of("kind: Pod\napiVersion: v1\nmetadata:\n  labels:\n    a: 'b\n      c'\n"),
            "load");
  // Escapes it reads are read as yaml-cpp reads them.
  EXPECT_EQ(first_pass_of("kind: Pod\napiVersion: v1\nmetadata:\n  labels:\n    a: \"x\\\"y\\\\z\"\n"),
            "0 1:1 name= ns= labels=[a=x\"y\\z]");
}

// Random documents made of what the outline learned to read past (quoted
// scalars over lines, escapes, plain lines starting with indicators, block
// scalars below their key) and of near misses (tabs, document markers,
// unknown escapes, text after a closing quote, odd indentation): wherever
// the outline is sure, yaml-cpp must read the same without error.
TEST(DocumentOutline, AgreesWithTheLoaderOnRandomScalarsOverLines) {
  std::mt19937 random(11);
  auto pick = [&](std::string_view from) { return from[random() % from.size()]; };
  auto chance = [&](int percent) { return static_cast<int>(random() % 100) < percent; };
  auto line_break = [&] {
    std::string text = "\n";
    if (chance(5)) text += pick("-.") == '-' ? "---\n" : "...\n";
    if (chance(10)) text += "\n";
    text += std::string(random() % 7, ' ');
    if (chance(4)) text += '\t';
    return text;
  };
  auto quoted = [&] {
    char quote = chance(50) ? '"' : '\'';
    std::string text(1, quote);
    for (int piece = random() % 6; piece > 0; --piece) {
      switch (random() % 6) {
        case 0:
          text += line_break();
          break;
        case 1:
          text += quote == '"' ? std::string("\\") + pick("\"\\/ nt0xuq") : "''";
          break;
        default:
          text += std::string("ab") + pick(" #:,`&'\"[]{}-") + "cd";
      }
    }
    if (!chance(5)) text += quote;
    if (chance(10)) text += chance(50) ? " # c" : (chance(50) ? " x" : ": y");
    return text;
  };
  auto plain = [&] {
    std::string text = "word";
    for (int lines = random() % 3; lines > 0; --lines) {
      text += line_break();
      text += pick("`&*!|>'\"%@[]{},-?:#ab");
      text += chance(20) ? " " : "";
      text += pick("abc-:#");
      text += "text";
    }
    return text;
  };
  auto block = [&] {
    std::string text(1, pick("|>"));
    if (chance(20)) text += pick("+-2");
    for (int lines = 1 + random() % 3; lines > 0; --lines) text += line_break() + "content";
    return text;
  };
  size_t counted = 0;
  const int kDocuments = 6000;
  for (int i = 0; i < kDocuments; ++i) {
    std::string document =
        "kind: CustomResourceDefinition\napiVersion: apiextensions.k8s.io/v1\nspec:\n";
    for (int entry = 1 + random() % 3; entry > 0; --entry) {
      std::string indent(2 + 2 * (random() % 2), ' ');
      std::string value;
      switch (random() % 3) {
        case 0:
          value = quoted();
          break;
        case 1:
          value = plain();
          break;
        default:
          value = block();
      }
      bool below = chance(30);
      bool item = chance(20);
      document += indent + (item ? "- " : "k" + std::to_string(entry) + ":") +
                  (below ? "\n" + indent + "  " : " ") + value + "\n";
    }
    // Document markers cut it as they cut a file.
    for (const DocumentRange& range : split_documents(document)) {
      std::string_view part(document.data() + range.begin, range.end - range.begin);
      FirstPassView view = first_pass_view(outline_document(part, range.first_line), 0);
      if (view.action == FirstPassView::Action::Load) continue;  // the loader's to read
      EXPECT_TRUE(agrees(view, first_pass_by_loader(document, range))) << part;
      counted += view.only_counted;
    }
  }
  // Both sides of the line are drawn often.
  EXPECT_GT(counted, kDocuments / 10u);
  EXPECT_LT(counted, kDocuments * 4u / 5u);
}

TEST(DocumentOutline, PodsAndCronJobsKeepTheirLabelsElsewhere) {
  EXPECT_EQ(first_pass_of("---\n  kind: Pod\n  apiVersion: v1\n  metadata:\n"
                          "    labels:\n      a: b\n"),
            "0 2:3 name= ns= labels=[a=b]");
  EXPECT_EQ(first_pass_of("kind: CronJob\napiVersion: batch/v1\nspec:\n  jobTemplate:\n"
                          "    spec:\n      template:\n        metadata:\n          labels:\n"
                          "            job: x\n"),
            "0 1:1 name= ns= labels=[job=x]");
}

TEST(DocumentOutline, KindsNoRuleLooksUpAcrossFilesGiveNothing) {
  EXPECT_EQ(first_pass_of("kind: ConfigMap\napiVersion: v1\ndata:\n  a: |\n    kind: Pod\n"),
            "nothing");
  EXPECT_EQ(first_pass_of("kind: PodTemplate\napiVersion: v1\n"), "nothing");
  EXPECT_EQ(first_pass_of("# only a comment\n"), "nothing");
  EXPECT_EQ(first_pass_of("kind: Deployment\n"), "nothing") << "no apiVersion: not an object";
  EXPECT_EQ(first_pass_of("kind: Deployment\napiVersion: v1\n"), "nothing") << "wrong group";
}

TEST(DocumentOutline, KindsNotModelledAreOnlyCountedWhenAllOfThemIsRead) {
  EXPECT_TRUE(only_counted("kind: ConfigMap\napiVersion: v1\ndata:\n  a: |\n    kind: Pod\n"));
  EXPECT_TRUE(only_counted("kind: Deployment\n")) << "no apiVersion: skipped";
  EXPECT_TRUE(only_counted("kind: Deployment\napiVersion: v1\n")) << "wrong group: skipped";
  EXPECT_FALSE(only_counted("kind: PodTemplate\napiVersion: v1\n")) << "modelled";
  EXPECT_FALSE(only_counted("kind: Deployment\napiVersion: apps/v1\n")) << "modelled";
  EXPECT_FALSE(only_counted("# only a comment\n")) << "whether it counts is the loader's";
  EXPECT_FALSE(only_counted("kind: ConfigMapList\napiVersion: v1\n")) << "a List";
  // The kind is sure, but not that the rest loads without error.
  EXPECT_FALSE(only_counted("kind: ConfigMap\napiVersion: v1\ndata: \"a\n\"\n"));
  EXPECT_FALSE(only_counted("kind: ConfigMap\napiVersion: v1\ndata: &a x\n"));
}

TEST(DocumentOutline, ObjectsRulesLookUpAreLoadedInFull) {
  EXPECT_EQ(first_pass_of("kind: NetworkPolicy\napiVersion: networking.k8s.io/v1\n"), "load");
  EXPECT_EQ(first_pass_of("kind: ServiceAccount\napiVersion: v1\n"), "load");
  EXPECT_EQ(first_pass_of("kind: List\napiVersion: v1\nitems: []\n"), "load");
}

TEST(DocumentOutline, WhatItCannotBeSureOfIsLoadedInFull) {
  const char* documents[] = {
      "kind: Pod\napiVersion: v1\nmetadata: &m {name: a}\n",       // anchor
      "kind: Pod\napiVersion: v1\nmetadata:\n  <<: *m\n",          // merge key
      "kind: Pod\napiVersion: v1\n\"metadata\": {}\n",             // quoted key
      "kind: Pod\napiVersion: v1\nmetadata:\n  labels: {a: b}\n",  // labels in flow style
      "kind: Pod\napiVersion: v1\nmetadata:\n  name: a\n    b\n",  // folded name
      "kind: Pod\napiVersion: v1\nx: a  # c\n  b\n",            // a line after a comment
      "kind: Pod\napiVersion: v1\nkind: Pod\n",                    // key given twice
      "kind: Pod\napiVersion: v1\nx: [a,\n  b]\n",                 // flow over two lines
      "kind: Pod\napiVersion: v1\nx:\n\t- a\n",                    // tab indentation
      "kind: Pod\napiVersion: v1\nx:\n    a: 1\n  b: 2\n",         // bad indentation
      "kind: Pod\napiVersion: v1\nx: |\n    a\n  b\n",             // block scalar dedent
      "kind: Pod\napiVersion: v1\nx: a: b\n",                      // mapping in a value
      "kind: \"P\\x6fd\"\napiVersion: v1\n",                       // escape
      "- kind: Pod\n",                                             // not a mapping
      "kind: Pod\napiVersion: v1\nx: "
      "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
  };
  for (const char* document : documents) EXPECT_EQ(first_pass_of(document), "load") << document;
  // Flow collections that yaml-cpp may refuse (the first found by fuzz_loader).
  const char* flows[] = {
      "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",  // too deep
      "[[a[b]]]",  // "[" in a plain scalar
      "[a,,b]",    // an empty entry
      "[a, b,]",   // a trailing comma
      "[\"\\q\"]",   // an escape
      "[a b]",     // a plain scalar of two words
      "[a: b]",    // a pair in a sequence
      "{a}",       // an implicit null value
      "{a:b}",     // no blank after the colon
      "[-a]",      // a plain scalar starting with an indicator
  };
  for (const char* flow : flows) {
    std::string document = fmt::format("kind: Pod\napiVersion: v1\nx: {}\n", flow);
    EXPECT_EQ(first_pass_of(document), "load") << document;
  }
  // yaml-cpp takes no plain key over 1024 characters (found by fuzz_loader).
  EXPECT_EQ(first_pass_of("kind: Pod\napiVersion: v1\n" + std::string(1100, 'k') + ": v\n"),
            "load");
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

struct OutlineStats {
  size_t documents = 0;
  size_t loaded = 0;
  size_t bytes = 0;
  size_t loaded_bytes = 0;
  size_t counted = 0;  // and not loaded by the second pass either
  size_t counted_bytes = 0;
};

// Whenever the first pass does not load a document in full, the model holds
// what it takes: that one workload sketch, read without error, or no
// workload and nothing rules look up across files. A document only counted
// loads without error as one document skipped.
void expect_outlines_agree(const fs::path& dir, OutlineStats& stats) {
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(dir)) {
    std::string extension = entry.path().extension().string();
    if (!entry.is_regular_file() || (extension != ".yaml" && extension != ".yml")) continue;
    std::string text = read_file(entry.path());
    text = std::string(without_byte_order_mark(text));
    if (!is_yaml_text(text)) continue;  // the first pass refuses the whole file too
    for (const DocumentRange& range : split_documents(text)) {
      std::string_view document(text.data() + range.begin, range.end - range.begin);
      FirstPassView view = first_pass_view(outline_document(document, range.first_line), 0);
      ++stats.documents;
      stats.bytes += document.size();
      if (view.action == FirstPassView::Action::Load) {
        ++stats.loaded;
        stats.loaded_bytes += document.size();
        continue;
      }
      LoaderView by_loader = first_pass_by_loader(text, range);
      if (view.only_counted) {
        ++stats.counted;
        stats.counted_bytes += document.size();
      }
      // One it takes nothing from may be broken, unless it is only counted.
      EXPECT_TRUE(agrees(view, by_loader))
          << entry.path() << " line " << range.first_line + 1 << ": " << describe(view)
          << (view.only_counted ? " (only counted)" : "") << " vs " << by_loader.view
          << (by_loader.clean ? "" : " (with an error)") << ", " << by_loader.counts.documents
          << " documents, " << by_loader.counts.skipped << " skipped";
    }
  }
}

void print(const OutlineStats& stats) {
  std::cout << stats.loaded << " of " << stats.documents << " documents (" << stats.loaded_bytes
            << " of " << stats.bytes << " bytes) loaded in full, " << stats.counted << " ("
            << stats.counted_bytes << " bytes) only counted\n";
}

TEST(DocumentOutline, AgreesWithTheLoaderOnTestdata) {
  OutlineStats stats;
  expect_outlines_agree(fs::path(KH_SOURCE_DIR) / "testdata", stats);
  EXPECT_GT(stats.documents, 100u);
  print(stats);
}

TEST(DocumentOutline, AgreesWithTheLoaderOnTheCorpus) {
  fs::path corpus = fs::path(KH_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!fs::exists(corpus / "MANIFEST.tsv")) {
    GTEST_SKIP() << "../shared/corpus not present (it is beside the repository in CI); skipping";
  }
  OutlineStats stats;
  expect_outlines_agree(corpus, stats);
  print(stats);
}

}  // namespace
}  // namespace kube_harden
