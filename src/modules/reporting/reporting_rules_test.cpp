#include "modules/reporting/reporting_rules.hpp"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "base/rule_file.hpp"

namespace kientao::reporting {

namespace {
std::string Read(const std::string& name) {
  std::ifstream in(std::string(KIENTAO_SOURCE_DIR) + "/src/modules/reporting/rules/" + name);
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}
std::vector<RuleText> HolidayFiles() {
  std::vector<RuleText> out;
  for (int y : {2025, 2026, 2027}) {
    std::string name = "holidays-" + std::to_string(y) + ".toml";
    out.emplace_back(name, Read(name));
  }
  return out;
}
ReportingRules Rules() { return ReportingRules::Load(Read("nd-09-2019.toml"), HolidayFiles()); }
Date D(const char* iso) { return *Date::ParseIso(iso); }

const char* kHeader2028 =
    "[rule]\nset = \"holidays\"\narticle = \"BLLĐ 2019, Điều 112\"\nverified = true\n"
    "effective_from = 2028-01-01\neffective_to = 2028-12-31\n";

// The message of the error Load throws with one more holiday file `text`, "" when none.
std::string LoadError(const std::string& text) {
  auto files = HolidayFiles();
  files.emplace_back("holidays-2028.toml", text);
  try {
    ReportingRules::Load(Read("nd-09-2019.toml"), files);
  } catch (const RuleFileError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

// The golden cases of rules/nd-09-2019.cases.toml run in tests/golden_cases_test.cpp.

TEST(ReportingRules, UnverifiedValuesAreFlagged) {
  ReportingRules rules = Rules();
  EXPECT_FALSE(rules.deadline_rule_verified());
  auto info = rules.Describe(*Period::Parse("2026Q2"));
  EXPECT_TRUE(info.holidays_known);
  EXPECT_FALSE(info.deadline_verified);
  // No holiday data for 2030: the deadline is still computed, and says so.
  EXPECT_FALSE(rules.Describe(*Period::Parse("2030Q2")).holidays_known);
  EXPECT_EQ(rules.holiday_years(), (std::set<int>{2025, 2026, 2027}));
  // Every year has an occasion still to check against the government's notice.
  EXPECT_TRUE(rules.verified_holiday_years().empty());
}

TEST(ReportingRules, TheHolidaysOfEachYearWithTheirSwapsAndCompensatoryDays) {
  ReportingRules rules = Rules();
  const WorkingCalendar& cal = rules.calendar();
  // New Year 2026: Friday 2/1 off, Saturday 10/1 worked in exchange.
  EXPECT_FALSE(cal.IsWorkingDay(D("2026-01-01")));
  EXPECT_FALSE(cal.IsWorkingDay(D("2026-01-02")));
  EXPECT_TRUE(cal.IsWorkingDay(D("2026-01-10")));
  EXPECT_FALSE(cal.IsWorkingDay(D("2026-01-11")));  // the Sunday after stays a day off
  EXPECT_EQ(cal.AddWorkingDays(D("2026-01-09"), 1), D("2026-01-10"));
  EXPECT_EQ(cal.AddWorkingDays(D("2025-12-31"), 1), D("2026-01-05"));
  // Hùng Kings' day 2026 falls on Sunday 26/4: Monday 27/4 is the compensatory day off.
  EXPECT_FALSE(cal.IsWorkingDay(D("2026-04-27")));
  EXPECT_EQ(cal.HolidayName(D("2026-04-27")), "Giỗ Tổ Hùng Vương (nghỉ bù)");
  // 2025: 30/4–2/5 off with Saturday 26/4 worked; Tết Ất Tỵ Monday 27/1 to Friday 31/1.
  EXPECT_TRUE(cal.IsWorkingDay(D("2025-04-26")));
  EXPECT_FALSE(cal.IsWorkingDay(D("2025-05-02")));
  EXPECT_EQ(cal.AddWorkingDays(D("2025-01-24"), 1), D("2025-02-03"));
  EXPECT_FALSE(cal.IsWorkingDay(D("2025-04-07")));
  // 2027: 1/5 is a Saturday, so Monday 3/5 is off.
  EXPECT_FALSE(cal.IsWorkingDay(D("2027-05-03")));
  EXPECT_TRUE(cal.IsWorkingDay(D("2027-05-04")));
}

TEST(ReportingRules, BadRuleFilesAreRefusedWithTheFileAndKeyNamed) {
  try {
    ReportingRules::Load(
        "[rule]\narticle = \"NĐ 09\"\nverified = false\neffective_from = 2019-03-12\n"
        "[send_deadline]\nworking_days_after_cutoff = 0\narticle = \"x\"\nverified = false\n"
        "[windows]\nverified = false\n",
        HolidayFiles());
    FAIL();
  } catch (const RuleFileError& e) {
    EXPECT_NE(std::string(e.what()).find("working_days_after_cutoff"), std::string::npos);
  }
  std::string occasion = "[occasions.x]\nname = \"X\"\narticle = \"a\"\nverified = true\n";
  EXPECT_EQ(LoadError(kHeader2028 + occasion + "days_off = [2028-01-03]\n"), "");
  // A day of another year, a weekend day off, a weekday "worked in exchange", a typing mistake, a
  // missing name, and a second file for a year that has one: each refused, naming file and key.
  EXPECT_NE(LoadError(kHeader2028 + occasion + "days_off = [2027-12-31]\n")
                .find("holidays-2028.toml: occasions.x.days_off 2027-12-31 is not in 2028"),
            std::string::npos);
  EXPECT_NE(LoadError(kHeader2028 + occasion + "days_off = [2028-01-01]\n").find("weekend"),
            std::string::npos);
  EXPECT_NE(LoadError(kHeader2028 + occasion + "days_off = []\nworking_days = [2028-01-03]\n")
                .find("occasions.x.working_days 2028-01-03 is a weekday"),
            std::string::npos);
  EXPECT_NE(LoadError(kHeader2028 + occasion + "days_of = [2028-01-03]\n").find("days_off"),
            std::string::npos);
  EXPECT_NE(LoadError(kHeader2028 + occasion + "days_off = [2028-01-03]\nworkin_days = []\n")
                .find("occasions.x.workin_days is not a key this rule knows"),
            std::string::npos);
  EXPECT_NE(LoadError(std::string(kHeader2028) +
                      "[occasions.x]\narticle = \"a\"\nverified = true\ndays_off = []\n")
                .find("occasions.x.name"),
            std::string::npos);
  std::string again = Read("holidays-2026.toml");
  EXPECT_NE(LoadError(again).find("are both in force"), std::string::npos);
}

}  // namespace kientao::reporting
