#include "modules/reporting/reporting_rules.hpp"

#include "base/rule_file.hpp"

namespace kientao::reporting {

namespace {

// One year's days off and weekend working days, each checked against the file's year and the week.
struct HolidayYear {
  int year = 0;
  bool verified = false;
  std::vector<std::pair<Date, std::string>> days_off;
  std::vector<Date> working_days;
};

HolidayYear ReadHolidayYear(const RuleFile& f) {
  const RuleMeta& m = f.meta();
  auto fail = [&](const std::string& key, const std::string& why) {
    throw RuleFileError("rule file " + m.file + ": " + key + " " + why);
  };
  if (m.set != "holidays") fail("rule.set", "must be \"holidays\"");
  HolidayYear y;
  y.year = m.effective_from.year();
  if (m.effective_from != *Date::FromYmd(y.year, 1, 1) || !m.effective_to ||
      *m.effective_to != *Date::FromYmd(y.year, 12, 31))
    fail("rule.effective_from",
         "and rule.effective_to must be 1 January and 31 December of one year");
  y.verified = m.verified;
  for (const std::string& id : f.Keys("occasions")) {
    std::string key = "occasions." + id;
    std::string name = f.Text(key + ".name");
    if (!f.Flag(key + ".verified")) y.verified = false;
    f.Text(key + ".article");
    for (Date d : f.Dates(key + ".days_off")) {
      if (d.year() != y.year)
        fail(key + ".days_off", d.ToIso() + " is not in " + std::to_string(y.year));
      if (Weekday(d) >= 5)
        fail(key + ".days_off",
             d.ToIso() + " is a weekend day: list the weekday taken off in its place instead");
      y.days_off.emplace_back(d, name);
    }
    if (f.Has(key + ".working_days"))
      for (Date d : f.Dates(key + ".working_days")) {
        if (d.year() != y.year)
          fail(key + ".working_days", d.ToIso() + " is not in " + std::to_string(y.year));
        if (Weekday(d) < 5) fail(key + ".working_days", d.ToIso() + " is a weekday already");
        y.working_days.push_back(d);
      }
  }
  f.RefuseUnknownKeys();
  return y;
}

}  // namespace

ReportingRules ReportingRules::Load(std::string_view nd09_toml,
                                    const std::vector<RuleText>& holidays) {
  ReportingRules r;
  RuleFile nd09 = RuleFile::Parse(nd09_toml, "nd-09-2019.toml");
  long long days = nd09.Whole("send_deadline.working_days_after_cutoff");
  if (days < 1 || days > 60)
    throw RuleFileError(
        "rule file nd-09-2019.toml: send_deadline.working_days_after_cutoff must be 1–60");
  r.deadline_working_days_ = static_cast<int>(days);
  r.deadline_verified_ = nd09.Flag("send_deadline.verified");
  r.deadline_article_ = nd09.Text("send_deadline.article");
  r.windows_verified_ = nd09.Flag("windows.verified");
  nd09.RefuseUnknownKeys();

  RuleSet<HolidayYear> years("holidays");
  for (auto& [name, text] : holidays) {
    RuleFile f = RuleFile::Parse(text, name);
    HolidayYear y = ReadHolidayYear(f);
    years.Add(f.meta(), std::move(y));  // two files for one year overlap: refused, both named
  }
  for (auto& v : years.versions()) {
    r.holiday_years_.insert(v.value.year);
    if (v.value.verified) r.verified_holiday_years_.insert(v.value.year);
    for (auto& [d, name] : v.value.days_off) r.calendar_.AddHoliday(d, name);
    for (Date d : v.value.working_days) r.calendar_.AddWorkingWeekend(d);
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
