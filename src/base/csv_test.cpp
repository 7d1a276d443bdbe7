#include "base/csv.hpp"

#include <gtest/gtest.h>

namespace kientao {

TEST(Csv, ParsesQuotesEmbeddedNewlinesCrlfAndBom) {
  auto t = ParseCsv(
      "\xEF\xBB\xBFname,note\r\n\"Trần, Văn\",\"line1\nline2\"\r\nLê,\"say \"\"hi\"\"\"\r\n\r\n",
      nullptr);
  ASSERT_TRUE(t);
  ASSERT_EQ(t->rows.size(), 3u);
  EXPECT_EQ(t->rows[0][0], "name");
  EXPECT_EQ(t->rows[1][0], "Trần, Văn");
  EXPECT_EQ(t->rows[1][1], "line1\nline2");
  EXPECT_EQ(t->rows[2][1], "say \"hi\"");
}

TEST(Csv, ReportsTheLineOfAnUnclosedQuote) {
  int line = 0;
  EXPECT_FALSE(ParseCsv("a,b\n1,2\n\"open,3\n", &line));
  EXPECT_EQ(line, 4);
  EXPECT_FALSE(ParseCsv("a,b\nx\"y,2\n", &line));
  EXPECT_EQ(line, 2);
}

TEST(Csv, LastLineWithoutNewlineAndEmptyFields) {
  auto t = ParseCsv("a,,c", nullptr);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->rows[0], (std::vector<std::string>{"a", "", "c"}));
}

TEST(Csv, WritesQuotedFieldsAndDefusesFormulas) {
  EXPECT_EQ(CsvLine({"a", "b,c", "say \"x\""}), "a,\"b,c\",\"say \"\"x\"\"\"\r\n");
  EXPECT_EQ(CsvLine({"=HYPERLINK(\"x\")"}), "\"'=HYPERLINK(\"\"x\"\")\"\r\n");
  auto back = ParseCsv(CsvLine({"Nguyễn", "line\nbreak"}), nullptr);
  EXPECT_EQ(back->rows[0][1], "line\nbreak");
}

// What an export writes, an import reads back unchanged: the formula guard is taken off again,
// and a value that itself starts with an apostrophe keeps it.
TEST(Csv, AnExportedLineReadsBackAsTheValuesExported) {
  std::vector<std::string> values = {"-Lý Văn Phúc", "=1+2", "+84 912",   "@x",        "'=A1",
                                     "'quoted",      "a;b",  "tab\there", "Trần, Văn", ""};
  auto back = ParseCsv(CsvLine(values), nullptr);
  ASSERT_TRUE(back);
  ASSERT_EQ(back->rows.size(), 1u);
  EXPECT_EQ(back->rows[0], values);
  // An apostrophe a person typed before an ordinary letter is theirs.
  EXPECT_EQ(ParseCsv("'abc,x", nullptr)->rows[0][0], "'abc");
}

TEST(Csv, SemicolonAndTabSeparatedFilesAreReadFromTheirHeader) {
  auto semi = ParseCsv("full_name;note\r\n\"Trần; Văn\";1,5\r\n", nullptr);
  ASSERT_TRUE(semi);
  EXPECT_EQ(semi->separator, ';');
  EXPECT_EQ(semi->rows[1], (std::vector<std::string>{"Trần; Văn", "1,5"}));
  auto tab = ParseCsv("a\tb\n1,5\t2\n", nullptr);
  ASSERT_TRUE(tab);
  EXPECT_EQ(tab->separator, '\t');
  EXPECT_EQ(tab->rows[1], (std::vector<std::string>{"1,5", "2"}));
  // A comma header stays a comma file even when values hold semicolons.
  EXPECT_EQ(ParseCsv("a,b\nx;y,z\n", nullptr)->rows[1], (std::vector<std::string>{"x;y", "z"}));
}

TEST(Csv, CrOnlyLineEndsAreRows) {
  auto t = ParseCsv("a,b\r1,2\r3,4\r", nullptr);
  ASSERT_TRUE(t);
  ASSERT_EQ(t->rows.size(), 3u);
  EXPECT_EQ(t->rows[2], (std::vector<std::string>{"3", "4"}));
  int line = 0;
  EXPECT_FALSE(ParseCsv("a,b\r1,2\rx\"y,3\r", &line));
  EXPECT_EQ(line, 3);
}

TEST(Csv, AShortRowNamesTheColumnItLacksAndAnExtraFieldItsColumnLetter) {
  auto t = ParseCsv("full_name,sex,birth_date\nAn,Nam\nBình,Nữ,01/02/1990,x\nChi,Nữ,02/03/1991\n",
                    nullptr);
  ASSERT_TRUE(t);
  auto p = CsvShapeProblems(*t);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].row, 2);
  EXPECT_EQ(p[0].code, "GEN-0032");
  EXPECT_EQ(p[0].field, "birth_date");
  EXPECT_EQ(p[1].row, 3);
  EXPECT_EQ(p[1].code, "GEN-0033");
  EXPECT_EQ(p[1].field, "D");
  EXPECT_EQ(p[1].params.at("count"), "4");
}

TEST(Csv, UploadsAreReadAsUtf8Utf16OrADeclaredWindows1258) {
  EXPECT_EQ(DecodeUpload("\xEF\xBB\xBFTrần", "", "file"), "Trần");
  // "Trần" in UTF-16 little-endian with its BOM (Excel's "Unicode Text").
  EXPECT_EQ(DecodeUpload(std::string("\xFF\xFET\0r\0\xA7\x1E\x6E\0", 10), "", "file"), "Trần");
  // Windows-1258 writes "Trần" as T r a + combining grave (0xCC) + n: read as NFC.
  std::string cp1258 = "T\x72\xE2\xCCn";
  EXPECT_EQ(DecodeUpload(cp1258, "windows-1258", "file"), "Trần");
  EXPECT_EQ(FromWindows1258(cp1258).value_or(""), "Trần");
  try {
    DecodeUpload("full_name\r\n" + cp1258 + "\r\n", "", "file");
    FAIL() << "a file that is not UTF-8 was read without asking";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "GEN-0030");
    EXPECT_EQ(e.field(), "file");
    EXPECT_EQ(e.params().at("preview"), "full_name");
  }
  try {
    DecodeUpload("abc", "koi8-r", "file");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "GEN-0031");
  }
  // A declared UTF-8 that is not is refused, not guessed.
  EXPECT_THROW(DecodeUpload(cp1258, "utf-8", "file"), Error);
  EXPECT_EQ(CharsetOf("text/csv; Charset=\"Windows-1258\""), "windows-1258");
  EXPECT_EQ(CharsetOf("text/csv"), "");
}

}  // namespace kientao
