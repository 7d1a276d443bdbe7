#pragma once
// The reporting regime's rule values (Decree 09/2019 windows and the default send deadline) and the
// working-day calendar, read from the rule files in rules/. Immutable once loaded; thread-safe.
#include <set>
#include <string>
#include <string_view>

#include "base/calendar.hpp"
#include "base/period.hpp"

namespace kientao::reporting {

struct PeriodInfo {
  Period period;
  Date deadline;
  bool deadline_verified;  // the rule and the holidays of the deadline's year are both verified
  bool holidays_known;     // holiday data exists for the deadline's year
};

class ReportingRules {
 public:
  // Parses the Decree 09 rule file and the holiday file. Throws std::runtime_error naming the file
  // and key.
  static ReportingRules Load(std::string_view nd09_toml, std::string_view holidays_toml);

  // The default send deadline: the Nth working day after the period's data cut-off.
  PeriodInfo Describe(const Period& p) const;
  int deadline_working_days() const { return deadline_working_days_; }
  bool deadline_rule_verified() const { return deadline_verified_; }
  const std::string& deadline_article() const { return deadline_article_; }
  bool windows_verified() const { return windows_verified_; }
  const WorkingCalendar& calendar() const { return calendar_; }

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
