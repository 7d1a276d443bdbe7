#pragma once
// The reporting regime's rule values (Decree 09/2019 windows and the default send deadline) and the
// working-day calendar, read through base/rule_file from the rule files in rules/: nd-09-2019.toml
// and one holidays-YYYY.toml per year (rule set "holidays"). Immutable once loaded; thread-safe.
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/calendar.hpp"
#include "base/period.hpp"

namespace kientao::reporting {

struct PeriodInfo {
  Period period;
  Date deadline;
  bool deadline_verified;  // the rule and the holidays of the deadline's year are both verified
  bool holidays_known;     // holiday data exists for the deadline's year
};

// A rule file: its name (for messages) and its text.
using RuleText = std::pair<std::string, std::string>;

class ReportingRules {
 public:
  // Parses the Decree 09 rule file and the holiday files (one per year). Throws RuleFileError
  // naming the file and key: a missing or unknown key, a day outside the file's year, a day off on
  // a weekend or a working day on a weekday, two files for one year.
  static ReportingRules Load(std::string_view nd09_toml, const std::vector<RuleText>& holidays);

  // The default send deadline: the Nth working day after the period's data cut-off.
  PeriodInfo Describe(const Period& p) const;
  int deadline_working_days() const { return deadline_working_days_; }
  bool deadline_rule_verified() const { return deadline_verified_; }
  const std::string& deadline_article() const { return deadline_article_; }
  bool windows_verified() const { return windows_verified_; }
  const WorkingCalendar& calendar() const { return calendar_; }
  // Years with holiday data, and those whose file and every occasion in it are verified.
  const std::set<int>& holiday_years() const { return holiday_years_; }
  const std::set<int>& verified_holiday_years() const { return verified_holiday_years_; }

 private:
  int deadline_working_days_ = 2;
  bool deadline_verified_ = false;
  std::string deadline_article_;
  bool windows_verified_ = false;
  WorkingCalendar calendar_;
  std::set<int> holiday_years_;
  std::set<int> verified_holiday_years_;
};

}  // namespace kientao::reporting
