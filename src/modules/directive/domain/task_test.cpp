#include "modules/directive/domain/task.hpp"

#include <gtest/gtest.h>

namespace kientao::directive {

namespace {
Task Open() {
  Task t;
  t.start_on = *Date::FromYmd(2026, 4, 20);
  t.deadline = *Date::FromYmd(2026, 12, 31);
  t.progress = 40;
  return t;
}
std::string CodeOf(const Task& t, const UpdateDraft& u, Date today) {
  try {
    ValidateUpdate(t, u, today);
  } catch (const Error& e) {
    return std::string(e.code()) + ":" + e.field();
  }
  return "ok";
}
}  // namespace

TEST(TaskUpdate, RefusesWhatCannotBeTrue) {
  Date today = *Date::FromYmd(2026, 11, 28);
  UpdateDraft u{today, 50, "Đã rà soát", "", "", "", false};
  EXPECT_EQ(CodeOf(Open(), u, today), "ok");
  u.percent = 101;
  EXPECT_EQ(CodeOf(Open(), u, today), "DIR-2002:percent");
  u.percent = 90;
  u.completed = true;
  EXPECT_EQ(CodeOf(Open(), u, today), "DIR-2002:percent");
  u = {*Date::FromYmd(2026, 11, 29), 50, "x", "", "", "", false};
  EXPECT_EQ(CodeOf(Open(), u, today), "DIR-2003:on_date");
  u.on_date = *Date::FromYmd(2026, 4, 19);
  EXPECT_EQ(CodeOf(Open(), u, today), "DIR-2004:on_date");
  u = {today, 30, "", "", "", "", false};
  EXPECT_EQ(CodeOf(Open(), u, today), "DIR-2010:narrative");
  Task stopped = Open();
  stopped.stopped = true;
  EXPECT_EQ(CodeOf(stopped, {today, 50, "x", "", "", "", false}, today), "DIR-2005:id");
  Task done = Open();
  done.completed_on = *Date::FromYmd(2026, 10, 1);
  EXPECT_EQ(CodeOf(done, {today, 100, "x", "", "", "", false}, today), "DIR-2006:id");
}

TEST(TaskUpdate, ADeadlineBeforeTheStartIsRefused) {
  EXPECT_THROW(ValidateSchedule(*Date::FromYmd(2026, 5, 1), *Date::FromYmd(2026, 4, 30)), Error);
  EXPECT_NO_THROW(ValidateSchedule(*Date::FromYmd(2026, 5, 1), *Date::FromYmd(2026, 5, 1)));
  EXPECT_NO_THROW(ValidateSchedule(*Date::FromYmd(2026, 5, 1), std::nullopt));
}

}  // namespace kientao::directive
