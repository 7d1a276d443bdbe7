#include "modules/staffing/domain/retirement.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>
#include <toml++/toml.h>

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

AgeRoadmap ReadRoadmap(const toml::table& t, const std::string& sex) {
  auto num = [&](const char* key) {
    auto v = t.at_path("retirement." + sex + "." + key).value<int64_t>();
    if (!v)
      throw std::runtime_error("blld-2019-retirement.toml: missing retirement." + sex + "." + key);
    return static_cast<int>(*v);
  };
  return {num("start_year"), num("start_age_months"), num("step_months"), num("final_age_months"),
          num("before_start_age_months")};
}

}  // namespace

RetirementRule RetirementRule::Load(std::string_view text) {
  toml::table t;
  try {
    t = toml::parse(text, std::string("blld-2019-retirement.toml"));
  } catch (const toml::parse_error& e) {
    throw std::runtime_error(std::string("rule file blld-2019-retirement.toml: ") +
                             std::string(e.description()));
  }
  RetirementRule r;
  r.male = ReadRoadmap(t, "male");
  r.female = ReadRoadmap(t, "female");
  r.article = t.at_path("retirement.article").value_or(std::string());
  r.verified = t.at_path("retirement.verified").value_or(false);
  r.effect_verified = t.at_path("retirement.effect.verified").value_or(false);
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
