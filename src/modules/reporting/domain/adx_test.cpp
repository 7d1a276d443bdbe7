#include "modules/reporting/domain/adx.hpp"

#include <cmath>
#include <string>

#include <gtest/gtest.h>

namespace kientao::reporting {

TEST(Adx, APeriodIsTheFirstDayOfItsCalendarPeriodWithItsLength) {
  EXPECT_EQ(AdxPeriod(*Period::Parse("2026M11")), "2026-11-01/P1M");
  EXPECT_EQ(AdxPeriod(*Period::Parse("2026M01")), "2026-01-01/P1M");
  EXPECT_EQ(AdxPeriod(*Period::Parse("2026Q1")), "2026-01-01/P3M");
  EXPECT_EQ(AdxPeriod(*Period::Parse("2026Q3")), "2026-07-01/P3M");
  EXPECT_EQ(AdxPeriod(*Period::Parse("2026Q4")), "2026-10-01/P3M");
  EXPECT_EQ(AdxPeriod(Period::Of(PeriodType::kHalf, 2026, 1)), "2026-01-01/P6M");
  EXPECT_EQ(AdxPeriod(Period::Of(PeriodType::kHalf, 2026, 2)), "2026-07-01/P6M");
  EXPECT_EQ(AdxPeriod(Period::Of(PeriodType::kYear, 2026, 1)), "2026-01-01/P1Y");
  // Nine months has no ISO period a receiver files: left out of ADX.
  EXPECT_EQ(AdxPeriod(Period::Of(PeriodType::kNine, 2026, 1)), std::nullopt);
}

TEST(Adx, ValuesAreDecimalsExactlyAsHeldNeverWithAnExponent) {
  EXPECT_EQ(AdxDecimal(1234567), "1234567");
  EXPECT_EQ(AdxDecimal(21), "21");
  EXPECT_EQ(AdxDecimal(77.5), "77.5");
  EXPECT_EQ(AdxDecimal(0.125), "0.125");
  EXPECT_EQ(AdxDecimal(-3.25), "-3.25");
  EXPECT_EQ(AdxDecimal(0), "0");
  EXPECT_EQ(AdxDecimal(1e20), "100000000000000000000");
  EXPECT_EQ(AdxDecimal(1.5e-7), "0.00000015");
  // Reads back to the same number.
  double third = 100.0 / 3;
  EXPECT_EQ(std::stod(AdxDecimal(third)), third);
  EXPECT_THROW(AdxDecimal(std::nan("")), std::invalid_argument);
}

}  // namespace kientao::reporting
