#include "base/clock.hpp"

#include <ctime>

#include <gtest/gtest.h>

namespace kientao {
namespace {

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

TEST(Clock, APinnedClockKeepsItsDayAndItsTimeInsideIt) {
  Clock c = Clock::Pinned(D(2031, 6, 30));
  EXPECT_EQ(c.Today(), D(2031, 6, 30));
  ASSERT_TRUE(c.pinned());
  EXPECT_EQ(*c.pinned(), D(2031, 6, 30));
  // The time is on the pinned day in Vietnam: from 30/06 00:00 (+07:00) to 23:59:59.
  long long midnight_vn = D(2031, 6, 30).DaysSinceEpoch() * 86400LL - 7 * 3600;
  EXPECT_GE(c.NowUnix(), midnight_vn);
  EXPECT_LE(c.NowUnix(), midnight_vn + 86399);
  EXPECT_EQ(c.NowIsoVn().substr(0, 11), "2031-06-30T");
  EXPECT_EQ(c.NowIsoVn().substr(19), "+07:00");
  long long a = c.NowUnix(), b = c.NowUnix();
  EXPECT_LE(a, b);  // never runs backwards
}

TEST(Clock, TheUtcTimeIsSevenHoursBehindVietnam) {
  Clock c = Clock::Pinned(D(2027, 1, 1));
  std::string utc = c.NowIsoUtc(), vn = c.NowIsoVn();
  ASSERT_EQ(utc.size(), 20u);
  EXPECT_EQ(utc.back(), 'Z');
  int h_utc = std::stoi(utc.substr(11, 2)), h_vn = std::stoi(vn.substr(11, 2));
  EXPECT_EQ((h_utc + 7) % 24, h_vn);
  // Before 07:00 in Vietnam the UTC day is the day before.
  if (h_vn < 7)
    EXPECT_EQ(utc.substr(0, 10), "2026-12-31");
  else
    EXPECT_EQ(utc.substr(0, 10), "2027-01-01");
}

TEST(Clock, TheSystemClockIsTheMachinesDateInVietnam) {
  // Read the machine twice around the clock so a change of day between the reads is not a failure.
  for (int attempt = 0; attempt < 2; ++attempt) {
    std::time_t before = std::time(nullptr);
    Date today = Clock::System().Today();
    std::time_t after = std::time(nullptr);
    Date expected = Date::FromDaysSinceEpoch(static_cast<long>((before + 7 * 3600) / 86400));
    if (Date::FromDaysSinceEpoch(static_cast<long>((after + 7 * 3600) / 86400)) != expected)
      continue;
    EXPECT_EQ(today, expected);
    EXPECT_FALSE(Clock::System().pinned());
    return;
  }
}

TEST(Clock, TheInstalledClockIsTheOneEveryoneReads) {
  clock::Install(Clock::Pinned(D(2028, 2, 29)));
  EXPECT_EQ(clock::Today(), D(2028, 2, 29));
  EXPECT_EQ(clock::NowIsoVn().substr(0, 10), "2028-02-29");
  clock::Install(Clock::Pinned(D(2029, 3, 1)));
  EXPECT_EQ(clock::Today(), D(2029, 3, 1));
  clock::Install(Clock::System());
  EXPECT_FALSE(clock::Current().pinned());
}

}  // namespace
}  // namespace kientao
