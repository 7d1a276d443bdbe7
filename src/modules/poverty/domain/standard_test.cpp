#include "modules/poverty/domain/standard.hpp"

#include <cmath>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "base/error.hpp"

namespace kientao::poverty {
namespace {

std::string ReadRule(const std::string& name) {
  std::ifstream in(std::string(KIENTAO_SOURCE_DIR) + "/src/modules/poverty/rules/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const Standard& Nd07() {
  static const Standard s = Standard::Load(ReadRule("nd-07-2021.toml"), "nd-07-2021.toml");
  return s;
}
const Standard& Nd351() {
  static const Standard s = Standard::Load(ReadRule("nd-351-2025.toml"), "nd-351-2025.toml");
  return s;
}

Household H(Area a, double income, std::set<std::string> deprived, bool agri = false) {
  return Household{a, income, std::move(deprived), agri};
}

const std::set<std::string> kThree = {"employment", "health_insurance", "water"};
const std::set<std::string> kTwo = {"employment", "health_insurance"};

std::string ErrorCode(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return std::string(e.code());
  }
  return "";
}

TEST(PovertyStandard, TheRuleFilesCarryTheDecreesLinesAndTwelveIndicators) {
  EXPECT_EQ(Nd07().line_rural, 1500000);
  EXPECT_EQ(Nd07().line_urban, 2000000);
  EXPECT_EQ(Nd07().mid_rural.value_or(0), 2250000);
  EXPECT_EQ(Nd07().mid_urban.value_or(0), 3000000);
  EXPECT_EQ(Nd351().line_rural, 2200000);
  EXPECT_EQ(Nd351().line_urban, 2800000);
  EXPECT_FALSE(Nd351().mid_rural) << "no average-living line is known for 2027–2030";
  ASSERT_EQ(Nd07().indicators.size(), 12u);
  ASSERT_EQ(Nd351().indicators.size(), 12u);
  EXPECT_TRUE(Nd07().Find("information_access"));
  EXPECT_FALSE(Nd07().Find("waste"));
  EXPECT_TRUE(Nd351().Find("waste"));
  EXPECT_FALSE(Nd351().Find("information_access"));
  EXPECT_EQ(Nd07().Find("floor_area")->params.at("min_m2_per_person"), 8);
  EXPECT_FALSE(Nd07().Find("floor_area")->verified);
  EXPECT_TRUE(Nd07().lines_verified);
  EXPECT_EQ(Nd07().meta.effective_to->ToIso(), "2026-12-31");
  EXPECT_EQ(Nd351().meta.effective_from.ToIso(), "2027-01-01");
}

TEST(PovertyStandard, IncomeEqualToTheLineWithThreeDeprivationsIsPoor) {
  EXPECT_EQ(Classify(Nd07(), H(Area::kRural, 1500000, kThree)).cls, Class::kPoor);
  EXPECT_EQ(Classify(Nd07(), H(Area::kRural, 1500000, kTwo)).cls, Class::kNearPoor);
  EXPECT_EQ(Classify(Nd07(), H(Area::kRural, 1500000, {})).cls, Class::kNearPoor);
  EXPECT_EQ(Classify(Nd07(), H(Area::kRural, 1500001, kThree)).cls, Class::kNotPoor)
      << "above the line no deprivation makes a household poor";
  EXPECT_EQ(Classify(Nd07(), H(Area::kUrban, 2000000, kThree)).cls, Class::kPoor);
  EXPECT_EQ(Classify(Nd07(), H(Area::kUrban, 1999999, kTwo)).cls, Class::kNearPoor);
  EXPECT_EQ(Classify(Nd07(), H(Area::kUrban, 2000001, kThree)).cls, Class::kNotPoor);
  auto c = Classify(Nd07(), H(Area::kUrban, 100, kThree));
  EXPECT_EQ(c.deprivations, 3);
  EXPECT_EQ(c.poverty_line, 2000000);
}

TEST(PovertyStandard, AverageLivingIsForAgriculturalHouseholdsUpToTheMidLine) {
  EXPECT_EQ(Classify(Nd07(), H(Area::kRural, 1500001, {}, true)).cls, Class::kAverageLiving);
  EXPECT_EQ(Classify(Nd07(), H(Area::kRural, 2250000, {}, true)).cls, Class::kAverageLiving);
  EXPECT_EQ(Classify(Nd07(), H(Area::kRural, 2250001, {}, true)).cls, Class::kNotPoor);
  EXPECT_EQ(Classify(Nd07(), H(Area::kRural, 2000000, {}, false)).cls, Class::kNotPoor);
  EXPECT_EQ(Classify(Nd07(), H(Area::kUrban, 3000000, {}, true)).cls, Class::kAverageLiving);
  EXPECT_EQ(Classify(Nd07(), H(Area::kUrban, 3000001, {}, true)).cls, Class::kNotPoor);
  // Below the line an agricultural household is poor or near-poor like any other.
  EXPECT_EQ(Classify(Nd07(), H(Area::kRural, 1500000, kThree, true)).cls, Class::kPoor);
  // 2027–2030: no mid line is known, so no such class.
  EXPECT_EQ(Classify(Nd351(), H(Area::kRural, 2200001, {}, true)).cls, Class::kNotPoor);
}

TEST(PovertyStandard, The2027StandardHasHigherLinesAndWasteInsteadOfInformationAccess) {
  Household h = H(Area::kRural, 2000000, {"employment", "latrine", "waste"});
  EXPECT_EQ(Classify(Nd351(), h).cls, Class::kPoor);
  EXPECT_EQ(Classify(Nd351(), H(Area::kRural, 2200000, kThree)).cls, Class::kPoor);
  EXPECT_EQ(Classify(Nd351(), H(Area::kUrban, 2800000, kTwo)).cls, Class::kNearPoor);
  EXPECT_EQ(Classify(Nd351(), H(Area::kUrban, 2800001, kThree)).cls, Class::kNotPoor);
  // Not poor in 2026 (above 1.5 million) and poor from 2027 with the same facts.
  Household same = H(Area::kRural, 1800000, kThree);
  EXPECT_EQ(Classify(Nd07(), same).cls, Class::kNotPoor);
  EXPECT_EQ(Classify(Nd351(), same).cls, Class::kPoor);
}

TEST(PovertyStandard, ACodeOutsideTheYearsStandardOrANegativeIncomeIsRefused) {
  EXPECT_EQ(ErrorCode([] { Classify(Nd07(), H(Area::kRural, 1, {"waste"})); }), "POV-1001");
  EXPECT_EQ(ErrorCode([] { Classify(Nd351(), H(Area::kRural, 1, {"information_access"})); }),
            "POV-1001");
  EXPECT_EQ(ErrorCode([] { Classify(Nd07(), H(Area::kRural, -1, {})); }), "POV-1002");
  EXPECT_EQ(ErrorCode([] { Classify(Nd07(), H(Area::kRural, NAN, {})); }), "POV-1002");
  EXPECT_EQ(ErrorCode([] { AlkireFoster(Nd07(), {}, 0, false); }), "POV-1003");
  EXPECT_EQ(ErrorCode([] { AlkireFoster(Nd07(), {}, 1.5, false); }), "POV-1003");
  try {
    Classify(Nd07(), H(Area::kRural, 1, {"waste"}));
  } catch (const Error& e) {
    EXPECT_EQ(e.field(), "deprived");
    EXPECT_EQ(e.params().at("value"), "waste");
  }
}

// Alkire & Foster (2011), "Counting and multidimensional poverty measurement", the worked example:
// four people, four equally weighted indicators, deprivation counts 0, 3, 3 and 1; with k = 2 of 4
// the two with three are poor: H = 1/2, A = 3/4, M0 = 3/8.
TEST(PovertyMeasures, TheWorkedExampleOfAlkireAndFoster) {
  const char* four = R"(
[rule]
set = "af-example"
article = "Alkire & Foster 2011"
verified = true
effective_from = 2011-01-01
[lines]
article = "-"
verified = true
rural = 1000000
urban = 1000000
[classification]
article = "-"
verified = true
poor_min_deprivations = 2
indicators = ["income", "years", "health", "access"]
[indicators.income]
dimension = "a"
name = "income"
threshold = "-"
article = "-"
verified = true
[indicators.years]
dimension = "b"
name = "years"
threshold = "-"
article = "-"
verified = true
[indicators.health]
dimension = "c"
name = "health"
threshold = "-"
article = "-"
verified = true
[indicators.access]
dimension = "d"
name = "access"
threshold = "-"
article = "-"
verified = true
)";
  Standard s = Standard::Load(four, "af-example.toml");
  std::vector<Household> people = {
      H(Area::kRural, 0, {}), H(Area::kRural, 0, {"income", "health", "access"}),
      H(Area::kRural, 0, {"income", "years", "access"}), H(Area::kRural, 0, {"years"})};
  Measures m = AlkireFoster(s, people, 0.5, false);
  EXPECT_EQ(m.n, 4);
  EXPECT_EQ(m.q, 2);
  EXPECT_DOUBLE_EQ(m.H, 0.5);
  EXPECT_DOUBLE_EQ(m.A, 0.75);
  EXPECT_DOUBLE_EQ(m.M0, 0.375);
  // Censored headcounts 2/4, 1/4, 1/4, 2/4, each weighted 1/4, as shares of M0.
  EXPECT_DOUBLE_EQ(m.contributions.at("income"), 1.0 / 3);
  EXPECT_DOUBLE_EQ(m.contributions.at("years"), 1.0 / 6);
  EXPECT_DOUBLE_EQ(m.contributions.at("health"), 1.0 / 6);
  EXPECT_DOUBLE_EQ(m.contributions.at("access"), 1.0 / 3);
  // k = 1/4 takes in the fourth person too.
  Measures wide = AlkireFoster(s, people, 0.25, false);
  EXPECT_EQ(wide.q, 3);
  EXPECT_DOUBLE_EQ(wide.M0, 7.0 / 16);
}

TEST(PovertyMeasures, ACutoffOfOneThirdSelectsFourOfTwelveAndTheDualCutoffAddsIncome) {
  std::set<std::string> four = {"employment", "dependants", "nutrition", "water"};
  std::vector<Household> hs = {H(Area::kRural, 1000000, four),    // 4/12 ≥ 1/3, below the line
                               H(Area::kRural, 1000000, kThree),  // 3/12 < 1/3
                               H(Area::kRural, 1600000, four),    // 4/12, above the line
                               H(Area::kUrban, 5000000, {})};
  Measures m = AlkireFoster(Nd07(), hs, 1.0 / 3, false);
  EXPECT_EQ(m.q, 2) << "4/12 is 1/3 within the tolerance";
  EXPECT_DOUBLE_EQ(m.H, 0.5);
  EXPECT_NEAR(m.A, 4.0 / 12, 1e-12);
  EXPECT_NEAR(m.M0, 0.5 * 4.0 / 12, 1e-12);
  Measures dual = AlkireFoster(Nd07(), hs, 1.0 / 3, true);
  EXPECT_EQ(dual.q, 1) << "the one above the income line is not poor";
  EXPECT_DOUBLE_EQ(dual.H, 0.25);
  // The official rule as AF: k = 3/12 with the income cut-off selects exactly the poor.
  Measures official = AlkireFoster(Nd07(), hs, 0.25, true);
  EXPECT_EQ(official.q, 2);
  double sum = 0;
  for (auto& [code, share] : official.contributions) sum += share;
  EXPECT_NEAR(sum, 1.0, 1e-12) << "the contributions add up to M0";
  EXPECT_EQ(official.contributions.size(), 12u);
  EXPECT_DOUBLE_EQ(official.contributions.at("telecom"), 0);
}

TEST(PovertyMeasures, AStreamOfMasksGivesTheSameFiguresAsTheHouseholds) {
  std::vector<Household> hs;
  MeasuresAccumulator masks(Nd07(), 0.25, true);
  unsigned seed = 7;
  for (int i = 0; i < 2000; ++i) {
    seed = seed * 1103515245u + 12345u;
    uint32_t m = (seed >> 8) & 0xFFFu;
    Household h = H(i % 3 ? Area::kRural : Area::kUrban, 900000.0 + (seed % 2000) * 1000.0, {});
    for (size_t j = 0; j < 12; ++j)
      if (m & (1u << j)) h.deprived.insert(Nd07().indicators[j].code);
    hs.push_back(h);
    masks.AddMask(h.area, h.income_per_capita, m | (1u << 20));  // a bit beyond the 12: ignored
  }
  Measures a = AlkireFoster(Nd07(), hs, 0.25, true), b = masks.Result();
  EXPECT_GT(a.q, 100);
  EXPECT_EQ(a.n, b.n);
  EXPECT_EQ(a.q, b.q);
  EXPECT_DOUBLE_EQ(a.A, b.A);
  EXPECT_DOUBLE_EQ(a.M0, b.M0);
  for (auto& [code, share] : a.contributions) EXPECT_DOUBLE_EQ(share, b.contributions.at(code));
}

TEST(PovertyMeasures, M0DecomposesByVillageWeightedByPopulation) {
  std::set<std::string> four = {"employment", "dependants", "nutrition", "water"};
  std::vector<Household> hs = {H(Area::kRural, 1000000, four), H(Area::kRural, 1000000, kThree),
                               H(Area::kRural, 1000000, {}), H(Area::kUrban, 1500000, four),
                               H(Area::kUrban, 5000000, kThree)};
  std::vector<std::string> villages = {"Thôn 1", "Thôn 1", "Thôn 1", "Thôn 2", "Thôn 2"};
  Decomposition d = AlkireFosterByGroup(Nd07(), hs, villages, 0.25, true);
  Measures all = AlkireFoster(Nd07(), hs, 0.25, true);
  EXPECT_EQ(d.total.q, all.q);
  EXPECT_DOUBLE_EQ(d.total.M0, all.M0);
  ASSERT_EQ(d.groups.size(), 2u);
  EXPECT_EQ(d.groups[0].group, "Thôn 1");
  EXPECT_EQ(d.groups[0].m.n, 3);
  EXPECT_EQ(d.groups[0].m.q, 2);
  EXPECT_EQ(d.groups[1].m.q, 1) << "the urban household above 2,000,000 is not poor";
  double m0 = 0, share = 0;
  for (auto& g : d.groups) {
    m0 += g.population_share * g.m.M0;
    share += g.share;
  }
  EXPECT_NEAR(m0, d.total.M0, 1e-12) << "M0 = Σ (n_g / n) · M0_g";
  EXPECT_NEAR(share, 1.0, 1e-12);
  // Village 1: (4 + 3) / 12 over 3 households; village 2: 4 / 12 over 2.
  EXPECT_NEAR(d.groups[0].m.M0, 7.0 / 36, 1e-12);
  EXPECT_NEAR(d.groups[1].m.M0, 4.0 / 24, 1e-12);
}

TEST(PovertyMeasures, NoHouseholdsOrNoPoorGiveZerosNotDivisionsByZero) {
  Measures none = AlkireFoster(Nd07(), {}, 0.25, false);
  EXPECT_EQ(none.n, 0);
  EXPECT_EQ(none.H, 0);
  EXPECT_EQ(none.A, 0);
  EXPECT_EQ(none.M0, 0);
  Measures rich = AlkireFoster(Nd07(), {H(Area::kUrban, 9000000, {"water"})}, 0.25, false);
  EXPECT_EQ(rich.q, 0);
  EXPECT_EQ(rich.contributions.at("water"), 0);
}

TEST(PovertyStandard, ABrokenRuleFileIsRefusedNamingTheKey) {
  std::string text = ReadRule("nd-07-2021.toml");
  auto refused = [](const std::string& t) {
    try {
      Standard::Load(t, "x.toml");
    } catch (const RuleFileError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  std::string typo = text;
  typo.replace(typo.find("min_m2_per_person = 8"), 21, "min_m2_per_person = \"8\"");
  EXPECT_NE(refused(typo).find("min_m2_per_person"), std::string::npos) << refused(typo);
  std::string missing = text;
  missing.replace(missing.find("[indicators.water]"), 18, "[indicators.wator]");
  EXPECT_NE(refused(missing).find("water"), std::string::npos) << refused(missing);
  std::string low = text;
  low.replace(low.find("rural = 2250000"), 15, "rural = 1000000");
  EXPECT_NE(refused(low).find("average_living"), std::string::npos) << refused(low);
}

}  // namespace
}  // namespace kientao::poverty
