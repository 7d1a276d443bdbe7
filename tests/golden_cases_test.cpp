// The one golden-case runner: every *.cases.toml beside a module's rule files names the engine it
// exercises and the rule files it loads; the runner finds them all and runs each case through its
// engine. New cases — for a new version of a rule too — are data only; only a new engine needs a
// few lines here.
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include <gtest/gtest.h>
#include <toml++/toml.h>

#include "tests/golden_engine.hpp"

#include "base/date.hpp"
#include "base/period.hpp"
#include "modules/kpi/domain/scoring.hpp"
#include "modules/reporting/reporting_rules.hpp"
#include "modules/staffing/domain/benefits.hpp"
#include "modules/staffing/domain/retirement.hpp"

namespace fs = std::filesystem;

namespace kientao {
namespace {

std::string Read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// An engine runs every case of a file against its rule files' texts and answers how many it ran.
using golden::Engine;
using golden::List;
using golden::RuleText;
using golden::Str;

int ReportingPeriods(const toml::table& cases, const std::vector<RuleText>& rules) {
  reporting::ReportingRules r = reporting::ReportingRules::Load(
      rules.at(0).second, std::vector<RuleText>(rules.begin() + 1, rules.end()));
  int n = 0;
  for (auto& c : List(cases, "case")) {
    auto& t = *c.as_table();
    std::string name = Str(t, "name");
    auto p = Period::Parse(Str(t, "period"));
    EXPECT_TRUE(p) << name;
    if (!p) continue;
    auto iso = [&](const char* key) {
      auto d = t[key].value<toml::date>();
      return d ? Date::FromYmd(d->year, d->month, d->day)->ToIso() : std::string("?");
    };
    EXPECT_EQ(p->LabelVi(), Str(t, "label_vi")) << name;
    EXPECT_EQ(p->WindowStart().ToIso(), iso("window_start")) << name;
    EXPECT_EQ(p->WindowEnd().ToIso(), iso("window_end")) << name;
    EXPECT_EQ(r.Describe(*p).deadline.ToIso(), iso("deadline")) << name;
    ++n;
  }
  return n;
}

int RetirementAge(const toml::table& cases, const std::vector<RuleText>& rules) {
  staffing::RetirementRule rule = staffing::RetirementRule::Load(rules.at(0).second);
  int n = 0;
  for (auto& node : List(cases, "case")) {
    auto& c = *node.as_table();
    std::string note = Str(c, "note");
    auto birth = Date::ParseIso(Str(c, "birth"));
    EXPECT_TRUE(birth) << note;
    if (!birth) continue;
    staffing::Retirement r = RetirementOf(rule, Str(c, "sex") == "female", *birth);
    EXPECT_EQ(r.age_years, c["age_years"].value_or(0)) << note;
    EXPECT_EQ(r.age_months, c["age_months"].value_or(0)) << note;
    EXPECT_EQ(r.retirement_month.ToIso(), Str(c, "retirement_month")) << note;
    EXPECT_EQ(r.pension_from.ToIso(), Str(c, "pension_from")) << note;
    ++n;
  }
  return n;
}

int StreamliningBenefits(const toml::table& cases, const std::vector<RuleText>& rules) {
  staffing::BenefitRules r = staffing::BenefitRules::Load(rules.at(0).second, rules.at(1).second);
  int n = 0;
  for (auto& node : List(cases, "case")) {
    auto& c = *node.as_table();
    std::string note = Str(c, "note");
    auto regime = staffing::ParseRegime(Str(c, "regime"));
    EXPECT_TRUE(regime) << note;
    if (!regime) continue;
    staffing::BenefitInput in;
    in.salary = c["salary"].value_or(0.0);
    in.months_early = static_cast<int>(c["months_early"].value_or(0));
    in.insured_months = static_cast<int>(c["insured_months"].value_or(0));
    in.within_12_months = c["within_12_months"].value_or(true);
    staffing::BenefitEstimate e = EstimateBenefits(r, *regime, in);
    EXPECT_EQ(e.eligible, c["eligible"].value_or(true)) << note;
    if (e.eligible) {
      EXPECT_DOUBLE_EQ(e.total, c["total"].value_or(-1.0)) << note;
    }
    double sum = 0;
    for (auto& l : e.lines) {
      sum += l.amount;
      EXPECT_FALSE(l.formula.empty()) << note;
      EXPECT_FALSE(l.article.empty()) << note;
    }
    EXPECT_DOUBLE_EQ(sum, e.total) << note;
    ++n;
  }
  return n;
}

int KpiScoring(const toml::table& cases, const std::vector<RuleText>& rules) {
  kpi::KpiRules r = kpi::KpiRules::Load(rules.at(0).second);
  int n = 0;
  for (auto& node : List(cases, "rating")) {
    auto& c = *node.as_table();
    kpi::Rating got = kpi::RateYear(r, c["average"].value_or(0.0), c["veto"].value_or(false));
    EXPECT_EQ(kpi::RatingCode(got), Str(c, "expect")) << Str(c, "note");
    ++n;
  }
  for (auto& node : List(cases, "quota")) {
    auto& c = *node.as_table();
    EXPECT_EQ(kpi::QuotaAllows(r, c["excellent"].value_or(0), c["good"].value_or(0)),
              c["ok"].value_or(false))
        << Str(c, "note");
    ++n;
  }
  for (auto& node : List(cases, "deduction")) {
    auto& c = *node.as_table();
    kpi::ProductResult p{1, true, static_cast<int>(c["major_errors"].value_or(0)),
                         static_cast<int>(c["delays"].value_or(0)), false};
    kpi::PeriodScore s = kpi::ScorePeriod(r, {p}, 30);
    EXPECT_DOUBLE_EQ(s.quality, c["quality"].value_or(0.0)) << Str(c, "note");
    EXPECT_DOUBLE_EQ(s.timeliness, c["timeliness"].value_or(0.0)) << Str(c, "note");
    ++n;
  }
  for (auto& node : List(cases, "leader")) {
    auto& c = *node.as_table();
    kpi::PeriodScore s = kpi::ScorePeriod(r, {{1, true, 0, 0, false}}, 0,
                                          c["subordinates_completed"].value_or(true));
    EXPECT_DOUBLE_EQ(s.task, c["task"].value_or(0.0)) << Str(c, "note");
    ++n;
  }
  return n;
}

// The engines of the first modules, and those the modules register from their own folders
// (tests/golden_engine.hpp).
const std::map<std::string, Engine>& Engines() {
  static const std::map<std::string, Engine> kEngines = [] {
    std::map<std::string, Engine> all = {
        {"reporting-periods", ReportingPeriods},
        {"retirement-age", RetirementAge},
        {"streamlining-benefits", StreamliningBenefits},
        {"kpi-scoring", KpiScoring},
    };
    for (auto& [name, e] : golden::Registry()) all.emplace(name, e);
    return all;
  }();
  return kEngines;
}

// Runs one cases file; "" when it ran, else what is wrong with the file itself.
std::string RunCasesFile(const fs::path& file, int& ran) {
  toml::table cases;
  try {
    cases = toml::parse(Read(file), file.string());
  } catch (const toml::parse_error& e) {
    return std::string(e.description());
  }
  std::string engine = Str(cases, "engine");
  auto it = Engines().find(engine);
  if (it == Engines().end()) return "names no known engine (engine = \"" + engine + "\")";
  std::vector<RuleText> rules;
  if (auto* list = cases["rules"].as_array())
    for (auto& r : *list) {
      fs::path p = file.parent_path() / r.value_or(std::string());
      if (!fs::exists(p))
        return "names a rule file that is not beside it: " + p.filename().string();
      rules.emplace_back(p.filename().string(), Read(p));
    }
  if (rules.empty()) return "names no rule files (rules = [\"…\"])";
  ran = it->second(cases, rules);
  return "";
}

TEST(GoldenCases, EveryCasesFileRunsThroughTheEngineItNames) {
  int files = 0;
  for (auto& dir : fs::directory_iterator(fs::path(KIENTAO_SOURCE_DIR) / "src/modules")) {
    fs::path rules = dir.path() / "rules";
    if (!fs::exists(rules)) continue;
    for (auto& e : fs::directory_iterator(rules)) {
      std::string name = e.path().filename().string();
      if (name.size() < 11 || name.substr(name.size() - 11) != ".cases.toml") continue;
      int ran = 0;
      SCOPED_TRACE(e.path().string());
      EXPECT_EQ(RunCasesFile(e.path(), ran), "");
      EXPECT_GT(ran, 0) << "no case ran";
      ++files;
    }
  }
  EXPECT_GE(files, 4);
}

TEST(GoldenCases, AFileWithoutAKnownEngineOrItsRulesIsRefused) {
  fs::path dir = fs::temp_directory_path() / "kientao-golden-test";
  fs::create_directories(dir);
  auto run = [&](const std::string& text) {
    std::ofstream(dir / "x.cases.toml") << text;
    int ran = 0;
    return RunCasesFile(dir / "x.cases.toml", ran);
  };
  EXPECT_NE(run("engine = \"no-such\"\nrules = [\"a.toml\"]\n").find("no known engine"),
            std::string::npos);
  EXPECT_NE(run("engine = \"kpi-scoring\"\nrules = [\"missing.toml\"]\n").find("not beside it"),
            std::string::npos);
  EXPECT_NE(run("engine = \"kpi-scoring\"\n").find("no rule files"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace kientao
