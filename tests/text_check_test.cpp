#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "load/line_index.h"
#include "load/text_check.h"

namespace kube_harden {
namespace {

// check_text() skips 8 printable bytes at a time: a bad byte is found, and
// placed, wherever it falls in a word.
TEST(TextCheck, FindsABadByteAtEveryOffsetOfAWord) {
  const std::string line = "key: value\n";  // 11 bytes: lines and words do not align
  for (size_t offset = 0; offset < 40; ++offset) {
    for (char bad : {'\0', '\x1b', '\xff'}) {
      std::string text = line + line + line + line;
      text[offset] = bad;
      std::optional<YamlError> error = check_text(text);
      ASSERT_TRUE(error) << "offset " << offset;
      EXPECT_EQ(error->position.line, offset / line.size() + 1) << "offset " << offset;
      EXPECT_EQ(error->position.column, offset % line.size() + 1) << "offset " << offset;
    }
  }
}

TEST(TextCheck, AcceptsUtf8AcrossWordsAndTheWhitespaceYamlAllows) {
  for (size_t offset = 0; offset < 16; ++offset) {
    std::string text = std::string(offset, 'a') + "é €\t😀\r\nb: c";
    EXPECT_FALSE(check_text(text)) << "offset " << offset;
  }
}

TEST(TextCheck, PlacesAnErrorInCharactersNotBytes) {
  std::optional<YamlError> error = check_text("a: 1\nname: \"é\xff\"\n");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->position.line, 2u);
  EXPECT_EQ(error->position.column, 9u);  // n a m e : space " é, then the bad byte
  EXPECT_NE(error->message.find("byte 0xFF is not valid UTF-8"), std::string::npos);
}

TEST(LineIndex, FindsLinesAsPositionsAskForThem) {
  LineIndex lines("a\nbé: c\n\nd");
  EXPECT_EQ(lines.position(1, 4), (Position{2, 4}));  // é is two bytes, one character
  EXPECT_EQ(lines.position(0, 0), (Position{1, 1}));
  EXPECT_EQ(lines.position(3, 0), (Position{4, 1}));
  EXPECT_EQ(lines.position(9, 2), (Position{10, 3})) << "past the end: as given";
}

}  // namespace
}  // namespace kube_harden
