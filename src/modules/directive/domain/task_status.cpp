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

}  // namespace kientao::directive
