// The golden-case engine of the poverty standards (rules/*.cases.toml, engine
// "poverty-classification"): each case a household's area, income, deprivations and whether it is
// agricultural, and the class expected.
#include "modules/poverty/domain/standard.hpp"
#include "tests/golden_engine.hpp"

namespace kientao::poverty {
namespace {

int ClassifyCases(const toml::table& cases, const std::vector<golden::RuleText>& rules) {
  Standard s = Standard::Load(rules.at(0).second, rules.at(0).first);
  int n = 0;
  for (auto& node : golden::List(cases, "case")) {
    auto& c = *node.as_table();
    std::string note = golden::Str(c, "note");
    auto area = ParseArea(golden::Str(c, "area"));
    EXPECT_TRUE(area) << note;
    if (!area) continue;
    Household h{*area, c["income"].value_or(-1.0), {}, c["agricultural"].value_or(false)};
    if (auto* list = c["deprived"].as_array())
      for (auto& code : *list) h.deprived.insert(code.value_or(std::string()));
    EXPECT_EQ(ClassCode(Classify(s, h).cls), golden::Str(c, "expect")) << note;
    ++n;
  }
  return n;
}

const golden::Register kEngine("poverty-classification", ClassifyCases);

}  // namespace
}  // namespace kientao::poverty
