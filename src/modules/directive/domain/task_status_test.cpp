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
