#include "modules/directive/domain/task_status.hpp"

#include <gtest/gtest.h>

namespace kientao::directive {

namespace {
Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }
const Date kDeadline = D(2026, 6, 30);
}  // namespace

TEST(TaskStatus, DoneExactlyOnTheDeadlineDayIsOnTime) {
  EXPECT_EQ(DeriveStatus({kDeadline, D(2026, 6, 30), false}, D(2026, 11, 28)),
            TaskStatus::kDoneOnTime);
  EXPECT_EQ(DeriveStatus({kDeadline, D(2026, 6, 29), false}, D(2026, 11, 28)),
            TaskStatus::kDoneOnTime);
  EXPECT_EQ(DeriveStatus({kDeadline, D(2026, 7, 1), false}, D(2026, 11, 28)),
            TaskStatus::kDoneLate);
}

TEST(TaskStatus, OpenTasksBecomeOverdueTheDayAfterTheDeadline) {
  EXPECT_EQ(DeriveStatus({kDeadline, std::nullopt, false}, D(2026, 6, 30)),
            TaskStatus::kOpenOnTime);
  EXPECT_EQ(DeriveStatus({kDeadline, std::nullopt, false}, D(2026, 7, 1)),
            TaskStatus::kOpenOverdue);
  EXPECT_EQ(DaysOverdue({kDeadline, std::nullopt, false}, D(2026, 7, 3)), 3);
  EXPECT_EQ(DaysOverdue({kDeadline, std::nullopt, false}, D(2026, 6, 30)), 0);
}

TEST(TaskStatus, NoDeadlineAndStoppedAreCountedApart) {
  EXPECT_EQ(DeriveStatus({std::nullopt, std::nullopt, false}, D(2026, 7, 1)),
            TaskStatus::kNoDeadline);
  EXPECT_EQ(DeriveStatus({std::nullopt, D(2026, 5, 1), false}, D(2026, 7, 1)),
            TaskStatus::kDoneNoDeadline);
  EXPECT_EQ(DeriveStatus({kDeadline, std::nullopt, true}, D(2026, 7, 1)), TaskStatus::kStopped);
  EXPECT_EQ(DeriveStatus({kDeadline, D(2026, 7, 9), true}, D(2026, 7, 10)), TaskStatus::kStopped);
}

TEST(TaskStatus, DueSoonIsWithinThreeDaysAndStillOpen) {
  EXPECT_TRUE(DueSoon({kDeadline, std::nullopt, false}, D(2026, 6, 27)));
  EXPECT_TRUE(DueSoon({kDeadline, std::nullopt, false}, D(2026, 6, 30)));
  EXPECT_FALSE(DueSoon({kDeadline, std::nullopt, false}, D(2026, 6, 26)));
  EXPECT_FALSE(DueSoon({kDeadline, std::nullopt, false}, D(2026, 7, 1)));
  EXPECT_FALSE(DueSoon({kDeadline, D(2026, 6, 28), false}, D(2026, 6, 28)));
  EXPECT_FALSE(DueSoon({std::nullopt, std::nullopt, false}, D(2026, 6, 28)));
}

}  // namespace kientao::directive

namespace kientao::directive {
namespace {

TEST(MissedReport, AContinuousTaskReportsEveryPeriod) {
  Date today = *Date::FromYmd(2026, 11,
                              28);  // in Q4 2026 (15/09–14/12); the last closed is Q3 (15/06–14/09)
  Date start = *Date::FromYmd(2026, 5, 1);
  TaskDates open{};
  auto missed = MissedReport("quarter", open, start, std::nullopt, today);
  ASSERT_TRUE(missed);
  EXPECT_EQ(missed->Id(), "2026Q3");
  EXPECT_EQ(MissedReport("quarter", open, start, Date::FromYmd(2026, 6, 1), today)->Id(), "2026Q3");
  EXPECT_FALSE(
      MissedReport("quarter", open, start, Date::FromYmd(2026, 6, 15), today));  // first day counts
  EXPECT_FALSE(MissedReport("quarter", open, start, Date::FromYmd(2026, 10, 14),
                            today));  // reported late: counts
  EXPECT_FALSE(MissedReport("quarter", open, *Date::FromYmd(2026, 10, 1), std::nullopt,
                            today));  // not started then
  EXPECT_FALSE(MissedReport("none", open, start, std::nullopt, today));
  TaskDates stopped{};
  stopped.stopped = true;
  EXPECT_FALSE(MissedReport("quarter", stopped, start, std::nullopt, today));
  TaskDates with_deadline{};
  with_deadline.deadline = Date::FromYmd(2026, 12, 31);
  EXPECT_FALSE(MissedReport("quarter", with_deadline, start, std::nullopt, today));
  EXPECT_EQ(MissedReport("month", open, start, Date::FromYmd(2026, 10, 1), today)->Id(), "2026M11");
}

}  // namespace
}  // namespace kientao::directive
