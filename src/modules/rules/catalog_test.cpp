#include "modules/rules/catalog.hpp"

#include <gtest/gtest.h>

namespace kientao::rules {
namespace {

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

std::string Salary(const std::string& from, long long vnd, bool verified = true) {
  return "[rule]\nset = \"base-salary\"\ntitle = \"Mức lương cơ sở\"\narticle = \"NĐ\"\nverified "
         "= " +
         std::string(verified ? "true" : "false") + "\neffective_from = " + from +
         "\n[amount]\narticle = \"Điều 3\"\nverified = true\nvnd_per_month = " +
         std::to_string(vnd) + "\n";
}

TEST(Catalog, GroupsFilesIntoSetsByTheirHeaderAndAnswersTheVersionInForce) {
  Catalog c = Catalog::Load(
      {{"src/modules/staffing/rules/base-salary-2023.toml", Salary("2023-07-01", 1800000)},
       {"src/modules/staffing/rules/base-salary-2024.toml", Salary("2024-07-01", 2340000)}});
  ASSERT_EQ(c.sets().size(), 1u);
  const auto* s = c.Find("base-salary");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->On(D(2024, 6, 30))->meta.file, "src/modules/staffing/rules/base-salary-2023.toml");
  EXPECT_EQ(s->On(D(2024, 7, 1))->meta.file, "src/modules/staffing/rules/base-salary-2024.toml");
  EXPECT_EQ(s->On(D(2024, 7, 1))->value.module, "staffing");
  EXPECT_FALSE(c.Find("no-such-set"));
}

TEST(Catalog, AProvinceFileReplacesTheBuiltInOfTheSameNameOrAddsAVersion) {
  Catalog c = Catalog::Load(
      {{"src/modules/staffing/rules/base-salary-2024.toml", Salary("2024-07-01", 2340000, false)},
       {"/etc/kientao/rules/staffing/base-salary-2024.toml", Salary("2024-07-01", 2340000)},
       {"/etc/kientao/rules/staffing/base-salary-2026.toml", Salary("2026-07-01", 2530000)}},
      "/etc/kientao/rules");
  const auto* s = c.Find("base-salary");
  ASSERT_EQ(s->versions().size(), 2u);
  EXPECT_TRUE(s->versions()[0].value.province);
  EXPECT_TRUE(s->versions()[0].value.unverified.empty());  // the province's checked copy
  EXPECT_EQ(s->On(D(2026, 7, 1))->meta.file, "/etc/kientao/rules/staffing/base-salary-2026.toml");
}

TEST(Catalog, UnverifiedValuesAndOverlapsAreNamed) {
  Catalog c = Catalog::Load(
      {{"src/modules/staffing/rules/base-salary-2026.toml", Salary("2026-07-01", 0, false)}});
  ASSERT_EQ(c.sets()[0].versions()[0].value.unverified.size(), 1u);
  try {
    Catalog::Load({{"src/modules/staffing/rules/a.toml", Salary("2024-07-01", 1)},
                   {"src/modules/staffing/rules/b.toml", Salary("2024-07-01", 2)}});
    ADD_FAILURE() << "two versions from the same day were accepted";
  } catch (const RuleFileError& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("a.toml"), std::string::npos) << m;
    EXPECT_NE(m.find("b.toml"), std::string::npos) << m;
  }
  EXPECT_THROW(Catalog::Load({{"src/modules/x/rules/bad.toml", "[amount]\nvnd = 1\n"}}),
               RuleFileError);
}

}  // namespace
}  // namespace kientao::rules
