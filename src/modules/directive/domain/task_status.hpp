#pragma once
// The status of a task, derived from its dates and never typed (Decision 42/2014/QĐ-TTg as amended
// by Decision 23/2018/QĐ-TTg; the taxonomy of the government's task-tracking reports).
#include <optional>
#include <string>
#include <string_view>

#include "base/date.hpp"
#include "base/period.hpp"

namespace kientao::directive {

enum class TaskStatus {
  kDoneOnTime,      // hoàn thành đúng hạn: done on or before the deadline
  kDoneLate,        // hoàn thành quá hạn: done after it
  kOpenOnTime,      // đang thực hiện trong hạn: open, the deadline has not passed
  kOpenOverdue,     // đang thực hiện quá hạn: open, the deadline has passed
  kDoneNoDeadline,  // done, the task had no deadline (counted apart)
  kNoDeadline,      // open without a deadline: continuous tasks (counted apart)
  kStopped,         // dừng thực hiện (counted apart)
};

std::string_view StatusCode(TaskStatus s);  // "done_on_time", "done_late", "open_on_time", …

struct TaskDates {
  std::optional<Date> deadline;
  std::optional<Date> completed_on;
  bool stopped = false;
};

// The status on `today`. Done exactly on the deadline day is on time; open on the deadline day is
// still within the deadline (it becomes overdue the day after).
TaskStatus DeriveStatus(const TaskDates& t, Date today);

// Open within the deadline and due in at most `days` days (the amber "due soon" of the pages).
bool DueSoon(const TaskDates& t, Date today, int days = 3);

// Days past the deadline for an open overdue task (0 otherwise).
long DaysOverdue(const TaskDates& t, Date today);

// A continuous task (recurrence "month", "quarter", …; no deadline) reports its progress every
// period: the last closed period of its recurrence for which no progress was reported — none dated
// within or after that period's window — or nullopt when nothing is missing (also for tasks that
// are not continuous, stopped, done, or had not started by the end of that window).
std::optional<Period> MissedReport(const std::string& recurrence, const TaskDates& t, Date start_on,
                                   std::optional<Date> last_update, Date today);

}  // namespace kientao::directive
