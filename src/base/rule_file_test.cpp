#include "base/rule_file.hpp"

#include <gtest/gtest.h>

namespace kientao {
namespace {

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

std::string File(const std::string& from, const std::string& extra = "",
                 const std::string& value = "2340000") {
  return "[rule]\nset = \"base-salary\"\narticle = \"NĐ 73/2024\"\nverified = true\n"
         "effective_from = " +
         from + "\n" + extra + "\n[amount]\narticle = \"Điều 3\"\nverified = true\nvnd = " + value +
         "\n";
}

std::string Message(const std::function<void()>& f) {
  try {
    f();
  } catch (const RuleFileError& e) {
    return e.what();
  }
  return "";
}

TEST(RuleFile, ReadsTheHeaderAndValuesByKey) {
  RuleFile r = RuleFile::Parse(File("2024-07-01"), "base-salary-2024.toml");
  EXPECT_EQ(r.meta().set, "base-salary");
  EXPECT_EQ(r.meta().article, "NĐ 73/2024");
  EXPECT_TRUE(r.meta().verified);
  EXPECT_EQ(r.meta().effective_from, D(2024, 7, 1));
  EXPECT_FALSE(r.meta().effective_to);
  EXPECT_EQ(r.Whole("amount.vnd"), 2340000);
  EXPECT_DOUBLE_EQ(r.Number("amount.vnd"), 2340000);
  EXPECT_NO_THROW(r.RefuseUnknownKeys());
  EXPECT_TRUE(r.Unverified().empty());
}

TEST(RuleFile, EveryProblemNamesTheFileAndTheKey) {
  EXPECT_NE(
      Message([] { RuleFile::Parse("[amount]\nvnd = 1\n", "x.toml"); }).find("x.toml: [rule]"),
      std::string::npos);
  EXPECT_NE(Message([] { RuleFile::Parse(File("2024-13-01"), "x.toml"); }).find("x.toml"),
            std::string::npos);
  EXPECT_NE(Message([] {
              RuleFile::Parse(File("2024-07-01", "effective_to = 2024-06-30"), "x.toml");
            }).find("rule.effective_to"),
            std::string::npos);
  EXPECT_NE(Message([] {
              RuleFile::Parse(File("2024-07-01", "efective_to = 2025-01-01"), "x.toml");
            }).find("rule.efective_to"),
            std::string::npos);
  EXPECT_NE(Message([] {
              RuleFile::Parse("[rule]\nverified = true\neffective_from = 2024-07-01\n", "x.toml");
            }).find("rule.article"),
            std::string::npos);
  RuleFile r = RuleFile::Parse(File("2024-07-01", "", "\"hai triệu\""), "y.toml");
  EXPECT_NE(Message([&] { r.Number("amount.vnd"); }).find("y.toml: amount.vnd"), std::string::npos);
  EXPECT_NE(Message([&] { r.Whole("amount.vndd"); }).find("amount.vndd"), std::string::npos);
}

TEST(RuleFile, AKeyNoEngineReadsIsRefused) {
  RuleFile r = RuleFile::Parse(File("2024-07-01") + "vnd_typo = 5\n", "z.toml");
  r.Whole("amount.vnd");
  EXPECT_NE(Message([&] { r.RefuseUnknownKeys(); }).find("z.toml: amount.vnd_typo"),
            std::string::npos);
}

TEST(RuleFile, ValuesMarkedUnverifiedAreListed) {
  RuleFile r = RuleFile::Parse(
      "[rule]\narticle = \"NĐ 351/2025\"\nverified = false\neffective_from = 2027-01-01\n"
      "[lines]\narticle = \"Điều 3\"\nverified = true\nrural = 2200000\n"
      "[mid_line]\narticle = \"?\"\nverified = false\nnote = \"chưa có văn bản\"\n",
      "poverty-2027.toml");
  auto u = r.Unverified();
  ASSERT_EQ(u.size(), 2u);
  EXPECT_EQ(u[0].key, "rule");
  EXPECT_EQ(u[1].key, "mid_line");
  EXPECT_EQ(u[1].note, "chưa có văn bản");
  EXPECT_EQ(r.meta().set, "poverty-2027");  // the file's name when no set is given
}

TEST(RuleSet, TheVersionInForceTheDayBeforeOnAndAfterAnEffectiveDate) {
  RuleSet<long long> base("base-salary");
  for (auto [from, vnd] :
       {std::pair{"2019-07-01", 1490000LL}, {"2023-07-01", 1800000LL}, {"2024-07-01", 2340000LL}}) {
    RuleFile f = RuleFile::Parse(File(from, "", std::to_string(vnd)), std::string(from) + ".toml");
    base.Add(f.meta(), f.Whole("amount.vnd"));
  }
  EXPECT_EQ(base.On(D(2019, 6, 30)), nullptr);
  EXPECT_EQ(base.On(D(2019, 7, 1))->value, 1490000);
  EXPECT_EQ(base.On(D(2023, 6, 30))->value, 1490000);
  EXPECT_EQ(base.On(D(2023, 7, 1))->value, 1800000);
  EXPECT_EQ(base.On(D(2024, 6, 30))->value, 1800000);
  EXPECT_EQ(base.On(D(2024, 7, 1))->value, 2340000);
  EXPECT_EQ(base.On(D(2031, 1, 1))->value, 2340000);
  EXPECT_EQ(base.versions().size(), 3u);
}

TEST(RuleSet, OverlappingPeriodsAreRefusedNamingBothFiles) {
  RuleSet<int> s("poverty");
  RuleFile a = RuleFile::Parse(File("2022-01-01", "effective_to = 2026-12-31"), "a.toml");
  s.Add(a.meta(), 1);
  RuleFile b = RuleFile::Parse(File("2026-07-01"), "b.toml");
  std::string m = Message([&] { s.Add(b.meta(), 2); });
  EXPECT_NE(m.find("a.toml"), std::string::npos) << m;
  EXPECT_NE(m.find("b.toml"), std::string::npos) << m;
  EXPECT_NE(m.find("01/07/2026"), std::string::npos) << m;
  RuleFile same = RuleFile::Parse(File("2022-01-01"), "c.toml");
  EXPECT_FALSE(Message([&] { s.Add(same.meta(), 3); }).empty());
  RuleFile next = RuleFile::Parse(File("2027-01-01", "effective_to = 2030-12-31"), "d.toml");
  s.Add(next.meta(), 4);
  EXPECT_EQ(s.On(D(2026, 12, 31))->value, 1);
  EXPECT_EQ(s.On(D(2027, 1, 1))->value, 4);
  EXPECT_EQ(s.On(D(2031, 1, 1)), nullptr);  // no standard known after 2030
}

}  // namespace
}  // namespace kientao
