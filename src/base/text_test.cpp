#include "base/text.hpp"

#include <algorithm>
#include <vector>

#include <gtest/gtest.h>

namespace kientao::text {

TEST(Text, FoldIgnoresDiacriticsCaseAndDStroke) {
  EXPECT_EQ(Fold("Nguyễn Văn Đức"), "nguyen van duc");
  EXPECT_EQ(Fold("ĐẶNG THỊ NGỌC ÁNH"), "dang thi ngoc anh");
  // Decomposed input folds the same as precomposed.
  EXPECT_EQ(Fold("Nguye\xCC\x82\xCC\x83n"), "nguyen");
}

TEST(Text, NfcComposes) { EXPECT_EQ(Nfc("Nguye\xCC\x82\xCC\x83n"), "Nguyễn"); }

TEST(Text, Utf8Validation) {
  EXPECT_TRUE(IsValidUtf8("Lạc Phương"));
  EXPECT_FALSE(IsValidUtf8("\xC3\x28"));
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // a surrogate
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));      // overlong '/'
  EXPECT_EQ(CodePointCount("Đức"), 3u);
}

TEST(Text, NormalizeSpaceReadsPlainAsciiTheSameWay) {
  EXPECT_EQ(NormalizeSpace("  Tran \t\r\n  Thi \v\f Ha  "), "Tran Thi Ha");
  EXPECT_EQ(NormalizeSpace(" \t "), "");
  EXPECT_EQ(NormalizeSpace("a\x1f b"), "a\x1f b");  // not White_Space in Unicode: kept
  EXPECT_EQ(Nfc("HS-2026-0001"), "HS-2026-0001");
  EXPECT_EQ(Fold("Nguyen VAN An-2"), "nguyen van an-2");
  EXPECT_EQ(Fold(""), "");
}

TEST(Text, NormalizeSpaceTrimsAndCollapses) {
  EXPECT_EQ(NormalizeSpace("  Trần \t  Thị\u00a0 Hà  "), "Trần Thị Hà");
}

TEST(Text, PersonNamesSortByGivenNameTheVietnameseWay) {
  std::vector<std::string> names = {"Trần Văn Đức", "Nguyễn Thị Anh", "Lê Văn Dũng", "Phạm Ánh",
                                    "Bùi Văn An"};
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return PersonNameKey(a) < PersonNameKey(b);
  });
  // An < Anh < Ánh (tones after the base letter), D < Đ as a separate letter.
  std::vector<std::string> expected = {"Bùi Văn An", "Nguyễn Thị Anh", "Phạm Ánh", "Lê Văn Dũng",
                                       "Trần Văn Đức"};
  EXPECT_EQ(names, expected);
}

TEST(Text, EscapeLikeEscapesWildcards) { EXPECT_EQ(EscapeLike("50%_a\\"), "50\\%\\_a\\\\"); }

}  // namespace kientao::text

namespace kientao::text {
TEST(TextCase, VietnameseUpperLowerFirstAndSlug) {
  EXPECT_EQ(ToUpper("Xã Lạc Phương"), "XÃ LẠC PHƯƠNG");
  EXPECT_EQ(ToLowerFirst("Quý I năm 2026"), "quý I năm 2026");
  EXPECT_EQ(ToLowerFirst("Ủy ban"), "ủy ban");
  EXPECT_EQ(Slug("Xã Lạc Phương — Đông"), "xa-lac-phuong-dong");
}
TEST(Text, CharactersTextCannotCarryAreFound) {
  EXPECT_EQ(text::ForbiddenCharacter("Lý Văn Phúc\tThôn Đông\r\n"), "");
  EXPECT_EQ(text::ForbiddenCharacter("A\xEF\xBF\xBE"), "U+FFFE");
  EXPECT_EQ(text::ForbiddenCharacter("A\xEF\xBF\xBF"), "U+FFFF");
  EXPECT_EQ(text::ForbiddenCharacter("\xEF\xB7\x90"), "U+FDD0");
  EXPECT_EQ(text::ForbiddenCharacter("\xF0\x9F\xBF\xBF"), "U+1FFFF");
  EXPECT_EQ(text::ForbiddenCharacter(std::string("a\x01"
                                                 "b")),
            "U+0001");
  EXPECT_EQ(text::ForbiddenCharacter("a\x7F"), "U+007F");
  EXPECT_EQ(text::ForbiddenCharacter("\xF0\x9F\x98\x80"), "");  // an emoji is text
}

}  // namespace kientao::text
