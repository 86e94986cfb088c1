#include "kube_harden/packed_labels.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "rules/label_selector.h"

namespace kube_harden {
namespace {

std::vector<std::pair<std::string, std::string>> unpacked(const PackedLabels& labels) {
  std::vector<std::pair<std::string, std::string>> pairs;
  labels.for_each([&](std::string_view key, std::string_view value) {
    pairs.emplace_back(std::string(key), std::string(value));
  });
  return pairs;
}

TEST(PackedLabels, KeepTheLastValueOfEachKeyWhereTheKeyLastAppears) {
  PackedLabels labels(
      std::vector<KeyValue>{{"app", "a", {}}, {"tier", "web", {}}, {"app", "b", {}}});
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(unpacked(labels), (Pairs{{"tier", "web"}, {"app", "b"}}));
  EXPECT_EQ(labels.value_of("app"), "b");
  EXPECT_TRUE(unpacked(PackedLabels()).empty());
}

TEST(PackedLabels, TellAnEmptyValueFromNoLabel) {
  PackedLabels labels(std::vector<KeyValue>{{"empty", "", {}}});
  ASSERT_TRUE(labels.value_of("empty").has_value());
  EXPECT_EQ(*labels.value_of("empty"), "");
  EXPECT_FALSE(labels.value_of("other").has_value());
  EXPECT_FALSE(labels.value_of("").has_value());
}

// YAML escapes can put any byte in a label, and nothing limits its length.
TEST(PackedLabels, HoldAnyBytes) {
  std::string nul("a\0b", 3);
  std::string long_value(100000, 'v');
  PackedLabels labels(std::vector<KeyValue>{{nul, long_value, {}}, {"", nul, {}}});
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(unpacked(labels), (Pairs{{nul, long_value}, {"", nul}}));
}

// Selectors match packed labels as they match the labels they were packed from.
TEST(PackedLabels, SelectorsMatchThemAsTheyMatchTheLabels) {
  std::mt19937 random(11);
  auto word = [&] { return std::string(1, static_cast<char>('a' + random() % 3)); };
  const char* operators[] = {"In", "NotIn", "Exists", "DoesNotExist", "Unknown"};
  size_t matched = 0;
  for (int round = 0; round < 2000; ++round) {
    std::vector<KeyValue> labels;
    for (unsigned n = random() % 4; n > 0; --n) labels.push_back({word(), word(), {}});
    LabelSelector selector;
    for (unsigned n = random() % 2; n > 0; --n)
      selector.match_labels.push_back({word(), word(), {}});
    for (unsigned n = random() % 2; n > 0; --n) {
      selector.match_expressions.push_back({word(), operators[random() % 5], {word(), word()}});
    }
    bool expected = selector_matches(selector, labels);
    matched += expected;
    EXPECT_EQ(selector_matches(selector, PackedLabels(labels)), expected) << round;
  }
  EXPECT_GT(matched, 200u) << "the random input should match often";
}

}  // namespace
}  // namespace kube_harden
