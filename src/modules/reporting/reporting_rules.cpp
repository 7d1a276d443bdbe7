#include "modules/reporting/reporting_rules.hpp"

#include <sstream>
#include <stdexcept>

#include <toml++/toml.h>

namespace kientao::reporting {

namespace {

toml::table ParseFile(std::string_view text, const std::string& name) {
  try {
    return toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    std::ostringstream os;
    os << e;
    throw std::runtime_error("rule file " + name + ": " + os.str());
  }
}

Date ToDate(const toml::node* n, const std::string& where) {
  auto d = n ? n->value<toml::date>() : std::nullopt;
  auto date = d ? Date::FromYmd(d->year, d->month, d->day) : std::nullopt;
  if (!date) throw std::runtime_error(where + " must be a date (YYYY-MM-DD)");
  return *date;
}

}  // namespace

ReportingRules ReportingRules::Load(std::string_view nd09_toml, std::string_view holidays_toml) {
  ReportingRules r;
  toml::table nd09 = ParseFile(nd09_toml, "nd-09-2019.toml");
  auto days = nd09["send_deadline"]["working_days_after_cutoff"].value<int64_t>();
  if (!days || *days < 1 || *days > 60)
    throw std::runtime_error(
        "rule file nd-09-2019.toml: send_deadline.working_days_after_cutoff must be 1–60");
  r.deadline_working_days_ = static_cast<int>(*days);
  r.deadline_verified_ = nd09["send_deadline"]["verified"].value_or(false);
  r.deadline_article_ = nd09["send_deadline"]["article"].value_or(std::string());
  r.windows_verified_ = nd09["windows"]["verified"].value_or(false);

  toml::table hol = ParseFile(holidays_toml, "vn-holidays.toml");
  auto* years = hol["year"].as_array();
  if (!years) throw std::runtime_error("rule file vn-holidays.toml: no [[year]] tables");
  for (auto& y : *years) {
    auto* t = y.as_table();
    auto year = t ? (*t)["year"].value<int64_t>() : std::nullopt;
    if (!year) throw std::runtime_error("rule file vn-holidays.toml: a [[year]] without year");
    std::string where = "rule file vn-holidays.toml, year " + std::to_string(*year);
    r.holiday_years_.insert(static_cast<int>(*year));
    if ((*t)["verified"].value_or(false)) r.verified_holiday_years_.insert(static_cast<int>(*year));
    if (auto* hs = (*t)["holidays"].as_array()) {
      for (auto& h : *hs) {
        auto* ht = h.as_table();
        if (!ht) throw std::runtime_error(where + ": a holiday must be { date = …, name = … }");
        Date d = ToDate(ht->get("date"), where + ": holiday date");
        if (d.year() != *year)
          throw std::runtime_error(where + ": " + d.ToIso() + " is not in that year");
        r.calendar_.AddHoliday(d, (*ht)["name"].value_or(std::string()));
      }
    }
    if (auto* ws = (*t)["working_weekends"].as_array())
      for (auto& w : *ws) r.calendar_.AddWorkingWeekend(ToDate(&w, where + ": working weekend"));
  }
  return r;
}

PeriodInfo ReportingRules::Describe(const Period& p) const {
  Date deadline = calendar_.AddWorkingDays(p.WindowEnd(), deadline_working_days_);
  bool known = holiday_years_.count(deadline.year()) && holiday_years_.count(p.WindowEnd().year());
  bool verified = deadline_verified_ && known && verified_holiday_years_.count(deadline.year());
  return {p, deadline, verified, known};
}

}  // namespace kientao::reporting
