#include "modules/directive/domain/task.hpp"

#include "modules/directive/errors.hpp"

namespace kientao::directive {

void ValidateSchedule(Date start_on, const std::optional<Date>& deadline) {
  if (deadline && *deadline < start_on)
    throw Error(errors::kDeadlineBeforeStart, "deadline", {{"start", start_on.ToVn()}});
}

void ValidateUpdate(const Task& t, const UpdateDraft& u, Date today) {
  if (t.stopped) throw Error(errors::kTaskStopped, "id");
  if (t.completed_on)
    throw Error(errors::kTaskAlreadyDone, "id", {{"date", t.completed_on->ToVn()}});
  if (u.percent < 0 || u.percent > 100 || (u.completed && u.percent != 100))
    throw Error(errors::kPercentOutOfRange, "percent");
  if (u.on_date > today) throw Error(errors::kUpdateInFuture, "on_date");
  if (u.on_date < t.start_on)
    throw Error(errors::kUpdateBeforeStart, "on_date", {{"start", t.start_on.ToVn()}});
  if (u.percent < t.progress && u.narrative.empty())
    throw Error(errors::kPercentBackwards, "narrative", {{"last", std::to_string(t.progress)}});
}

}  // namespace kientao::directive
