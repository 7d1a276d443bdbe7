#include "modules/staffing/domain/retirement.hpp"

#include "base/rule_file.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

namespace kientao::staffing {

int AgeRoadmap::AgeIn(int year) const {
  if (year < start_year) return before_start_age_months;
  return std::min(final_age_months, start_age_months + step_months * (year - start_year));
}

std::string YearMonth::ToIso() const { return fmt::format("{:04}-{:02}", year, month); }
std::string YearMonth::ToVn() const { return fmt::format("{:02}/{:04}", month, year); }

namespace {

YearMonth AddMonths(int year, int month, int months) {
  int total = year * 12 + (month - 1) + months;
  return {total / 12, total % 12 + 1};
}

AgeRoadmap ReadRoadmap(const RuleFile& f, const std::string& sex) {
  auto num = [&](const char* key) {
    return static_cast<int>(f.Whole("retirement." + sex + "." + key));
  };
  return {num("start_year"), num("start_age_months"), num("step_months"), num("final_age_months"),
          num("before_start_age_months")};
}

}  // namespace

RetirementRule RetirementRule::Load(std::string_view text) {
  // One parse through base/rule_file: a missing value, a value of the wrong type or a key this
  // rule does not know is refused with the file and the key named.
  RuleFile f = RuleFile::Parse(text, "blld-2019-retirement.toml");
  RetirementRule r;
  r.male = ReadRoadmap(f, "male");
  r.female = ReadRoadmap(f, "female");
  r.article = f.Text("retirement.article");
  r.verified = f.Flag("retirement.verified");
  r.effect_verified = f.Flag("retirement.effect.verified");
  f.RefuseUnknownKeys();
  return r;
}

Retirement RetirementOf(const RetirementRule& rule, bool female, Date birth) {
  const AgeRoadmap& road = female ? rule.female : rule.male;
  // The ages rise by at most a year's worth each year, so the year the age is reached walks forward
  // one year at a time and meets the year whose age it is.
  for (int year = birth.year() + road.before_start_age_months / 12 - 1; year < birth.year() + 120;
       ++year) {
    int age = road.AgeIn(year);
    YearMonth reached = AddMonths(birth.year(), birth.month(), age);
    if (reached.year == year)
      return {age / 12, age % 12, reached, AddMonths(reached.year, reached.month, 1)};
    if (reached.year < year) break;  // cannot happen with a rising roadmap; guards a bad rule file
  }
  int age = road.final_age_months;
  YearMonth reached = AddMonths(birth.year(), birth.month(), age);
  return {age / 12, age % 12, reached, AddMonths(reached.year, reached.month, 1)};
}

}  // namespace kientao::staffing
