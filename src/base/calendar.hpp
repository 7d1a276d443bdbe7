#pragma once
// A working-day calendar: Monday to Friday, less public holidays (Tết by the lunar calendar, given
// as data per year), plus Saturdays or Sundays the government declares working days when it swaps
// days.
#include <map>
#include <set>
#include <string>

#include "base/date.hpp"

namespace kientao {

class WorkingCalendar {
 public:
  void AddHoliday(Date d, std::string name) { holidays_[d] = std::move(name); }
  void AddWorkingWeekend(Date d) { working_weekends_.insert(d); }
  bool IsWorkingDay(Date d) const;
  // The `n`th working day after `d` (n ≥ 1); `d` itself never counts.
  Date AddWorkingDays(Date d, int n) const;
  // Name of the holiday on `d`, or "".
  std::string HolidayName(Date d) const;
  // Years for which holidays were given (a deadline beyond them may miss holidays).
  std::set<int> Years() const;

 private:
  std::map<Date, std::string> holidays_;
  std::set<Date> working_weekends_;
};

// 0 = Monday … 6 = Sunday.
int Weekday(Date d);

}  // namespace kientao
