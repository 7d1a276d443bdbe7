#include "modules/org/domain/csv.hpp"

#include <gtest/gtest.h>

namespace kientao::org {

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

}  // namespace kientao::org
