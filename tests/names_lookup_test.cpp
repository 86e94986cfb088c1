#include "kube_harden/names_lookup.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kube_harden {
namespace {

std::vector<int> values(std::span<const NamesLookup<2, int>::Entry> entries) {
  std::vector<int> found;
  for (const auto& [names, value] : entries) found.push_back(value);
  return found;
}

TEST(NamesLookup, FindsEveryValueOfEqualNamesInTheOrderAdded) {
  // Views of strings that outlive the lookup, as a run's objects do.
  const std::vector<std::string> names = {"shop", "app", "web", "ops"};
  NamesLookup<2, int> lookup;
  lookup.add({names[0], names[1]}, 1);
  lookup.add({names[3], names[1]}, 2);
  lookup.add({names[0], names[2]}, 3);
  lookup.add({names[0], names[1]}, 4);
  lookup.add({names[0], names[1]}, 0);
  lookup.sort();
  EXPECT_EQ(values(lookup.find({"shop", "app"})), (std::vector<int>{1, 4, 0}));
  EXPECT_EQ(values(lookup.find({"ops", "app"})), (std::vector<int>{2}));
  EXPECT_EQ(values(lookup.find({"shop", "web"})), (std::vector<int>{3}));
  EXPECT_TRUE(lookup.find({"shop", "ap"}).empty()) << "a prefix is another name";
  EXPECT_TRUE(lookup.find({"app", "shop"}).empty()) << "the order of the names counts";
}

TEST(NamesLookup, NamesAreComparedWholeNotJoined) {
  // Joined, both would read "abc".
  NamesLookup<2, int> lookup;
  lookup.add({"ab", "c"}, 1);
  lookup.sort();
  EXPECT_TRUE(lookup.find({"a", "bc"}).empty());
  EXPECT_EQ(values(lookup.find({"ab", "c"})), (std::vector<int>{1}));
}

TEST(NamesLookup, EmptyNamesAreNamesToo) {
  // A ClusterRole has no namespace: its entry's namespace is empty.
  NamesLookup<2, int> lookup;
  lookup.add({"", "admin"}, 1);
  lookup.add({"default", "admin"}, 2);
  lookup.sort();
  EXPECT_EQ(values(lookup.find({"", "admin"})), (std::vector<int>{1}));
  EXPECT_EQ(values(lookup.find({"default", "admin"})), (std::vector<int>{2}));
  const NamesLookup<2, int> empty;
  EXPECT_TRUE(empty.find({"", ""}).empty());
}

}  // namespace
}  // namespace kube_harden
