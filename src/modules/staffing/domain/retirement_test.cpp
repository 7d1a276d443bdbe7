#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <toml++/toml.h>

#include "modules/staffing/domain/retirement.hpp"

namespace kientao::staffing {
namespace {

std::string Read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

RetirementRule Rule() {
  return RetirementRule::Load(
      Read(KIENTAO_SOURCE_DIR "/src/modules/staffing/rules/blld-2019-retirement.toml"));
}

// The worked cases of rules/blld-2019-retirement.cases.toml run in tests/golden_cases_test.cpp.

TEST(Retirement, TheRoadmapRisesThenStays) {
  RetirementRule rule = Rule();
  EXPECT_EQ(rule.male.AgeIn(2020), 720);
  EXPECT_EQ(rule.male.AgeIn(2021), 723);
  EXPECT_EQ(rule.male.AgeIn(2027), 741);
  EXPECT_EQ(rule.male.AgeIn(2028), 744);
  EXPECT_EQ(rule.male.AgeIn(2040), 744);
  EXPECT_EQ(rule.female.AgeIn(2034), 716);
  EXPECT_EQ(rule.female.AgeIn(2035), 720);
  EXPECT_TRUE(rule.verified);
  EXPECT_FALSE(rule.effect_verified);
}

TEST(Retirement, AMissingRuleValueOrAnUnknownKeyIsNamed) {
  const std::string header =
      "[rule]\narticle = \"BLLĐ 2019\"\nverified = true\neffective_from = 2021-01-01\n";
  auto message = [](const std::string& text) {
    try {
      RetirementRule::Load(text);
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(message(header + "[retirement.male]\nstart_year = 2021\n")
                .find("retirement.male.start_age_months"),
            std::string::npos);
  // The real file with one key mistyped: refused, naming it.
  std::string text =
      Read(KIENTAO_SOURCE_DIR "/src/modules/staffing/rules/blld-2019-retirement.toml");
  std::string typo = text;
  typo.replace(typo.find("step_months = 3"), 15, "step_month = 3 ");
  std::string m = message(typo);
  EXPECT_NE(m.find("blld-2019-retirement.toml"), std::string::npos) << m;
  EXPECT_NE(m.find("retirement.male.step_month"), std::string::npos) << m;
  std::string extra = text + "\n[retirement.other]\nstart_year = 2021\n";
  EXPECT_NE(message(extra).find("retirement.other.start_year"), std::string::npos);
  // Without its header the file is not a rule file.
  EXPECT_NE(message(text.substr(text.find("[retirement]"))).find("[rule]"), std::string::npos);
}

}  // namespace
}  // namespace kientao::staffing
