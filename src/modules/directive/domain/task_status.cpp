#include "modules/directive/domain/task_status.hpp"

namespace kientao::directive {

std::string_view StatusCode(TaskStatus s) {
  switch (s) {
    case TaskStatus::kDoneOnTime:
      return "done_on_time";
    case TaskStatus::kDoneLate:
      return "done_late";
    case TaskStatus::kOpenOnTime:
      return "open_on_time";
    case TaskStatus::kOpenOverdue:
      return "open_overdue";
    case TaskStatus::kDoneNoDeadline:
      return "done_no_deadline";
    case TaskStatus::kNoDeadline:
      return "no_deadline";
    case TaskStatus::kStopped:
      return "stopped";
  }
  return "no_deadline";
}

TaskStatus DeriveStatus(const TaskDates& t, Date today) {
  if (t.stopped) return TaskStatus::kStopped;
  if (!t.deadline) return t.completed_on ? TaskStatus::kDoneNoDeadline : TaskStatus::kNoDeadline;
  if (t.completed_on)
    return *t.completed_on <= *t.deadline ? TaskStatus::kDoneOnTime : TaskStatus::kDoneLate;
  return today <= *t.deadline ? TaskStatus::kOpenOnTime : TaskStatus::kOpenOverdue;
}

bool DueSoon(const TaskDates& t, Date today, int days) {
  return DeriveStatus(t, today) == TaskStatus::kOpenOnTime &&
         t.deadline->DaysSinceEpoch() - today.DaysSinceEpoch() <= days;
}

long DaysOverdue(const TaskDates& t, Date today) {
  if (DeriveStatus(t, today) != TaskStatus::kOpenOverdue) return 0;
  return today.DaysSinceEpoch() - t.deadline->DaysSinceEpoch();
}

std::optional<Period> MissedReport(const std::string& recurrence, const TaskDates& t, Date start_on,
                                   std::optional<Date> last_update, Date today) {
  auto type = ParsePeriodType(recurrence);
  if (!type || t.deadline || t.stopped || t.completed_on) return std::nullopt;
  Period current = Period::Containing(*type, today);
  Period last = Period::Containing(
      *type, Date::FromDaysSinceEpoch(current.WindowStart().DaysSinceEpoch() - 1));
  if (last.WindowEnd() < start_on) return std::nullopt;
  if (last_update && *last_update >= last.WindowStart()) return std::nullopt;
  return last;
}

}  // namespace kientao::directive
