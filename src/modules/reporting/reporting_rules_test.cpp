#include "modules/reporting/reporting_rules.hpp"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <toml++/toml.h>

namespace kientao::reporting {

namespace {
std::string Read(const std::string& name) {
  std::ifstream in(std::string(KIENTAO_SOURCE_DIR) + "/src/modules/reporting/rules/" + name);
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}
ReportingRules Rules() {
  return ReportingRules::Load(Read("nd-09-2019.toml"), Read("vn-holidays.toml"));
}
}  // namespace

// Every case in nd-09-2019.cases.toml: period id → label, window and send deadline.
TEST(ReportingRules, GoldenCases) {
  ReportingRules rules = Rules();
  toml::table cases = toml::parse(Read("nd-09-2019.cases.toml"));
  auto* list = cases["case"].as_array();
  ASSERT_TRUE(list);
  ASSERT_GE(list->size(), 5u);
  for (auto& c : *list) {
    auto& t = *c.as_table();
    std::string name = t["name"].value_or(std::string());
    auto p = Period::Parse(t["period"].value_or(std::string()));
    ASSERT_TRUE(p) << name;
    auto iso = [&](const char* key) {
      auto d = t[key].value<toml::date>();
      return d ? Date::FromYmd(d->year, d->month, d->day)->ToIso() : std::string("?");
    };
    EXPECT_EQ(p->LabelVi(), t["label_vi"].value_or(std::string())) << name;
    EXPECT_EQ(p->WindowStart().ToIso(), iso("window_start")) << name;
    EXPECT_EQ(p->WindowEnd().ToIso(), iso("window_end")) << name;
    EXPECT_EQ(rules.Describe(*p).deadline.ToIso(), iso("deadline")) << name;
  }
}

TEST(ReportingRules, UnverifiedValuesAreFlagged) {
  ReportingRules rules = Rules();
  EXPECT_FALSE(rules.deadline_rule_verified());
  auto info = rules.Describe(*Period::Parse("2026Q2"));
  EXPECT_TRUE(info.holidays_known);
  EXPECT_FALSE(info.deadline_verified);
  // No holiday data for 2030: the deadline is still computed, and says so.
  EXPECT_FALSE(rules.Describe(*Period::Parse("2030Q2")).holidays_known);
}

TEST(ReportingRules, BadRuleFilesAreRefusedWithTheKeyNamed) {
  std::string holidays = Read("vn-holidays.toml");
  try {
    ReportingRules::Load("[send_deadline]\nworking_days_after_cutoff = 0\n", holidays);
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("working_days_after_cutoff"), std::string::npos);
  }
  EXPECT_THROW(ReportingRules::Load(
                   Read("nd-09-2019.toml"),
                   "[[year]]\nyear = 2026\nholidays = [{ date = 2027-01-01, name = \"x\" }]\n"),
               std::runtime_error);
}

}  // namespace kientao::reporting
