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

// The golden cases of rules/nd-09-2019.cases.toml run in tests/golden_cases_test.cpp.

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
