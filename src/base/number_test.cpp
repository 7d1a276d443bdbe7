#include "base/number.hpp"

#include <gtest/gtest.h>

namespace kientao::number {
namespace {

double Value(std::string_view s) {
  Parsed p = ParseVn(s);
  EXPECT_EQ(p.problem, Problem::kNone) << s;
  return p.value.value_or(-12345);
}
Problem Why(std::string_view s) {
  Parsed p = ParseVn(s);
  EXPECT_FALSE(p.value) << s;
  return p.problem;
}

TEST(VietnameseNumber, DotsGroupThousandsAndTheCommaMarksDecimals) {
  EXPECT_EQ(Value("1.500"), 1500);
  EXPECT_EQ(Value("1.500.000"), 1500000);
  EXPECT_EQ(Value("12,5"), 12.5);
  EXPECT_EQ(Value("1.500,75"), 1500.75);
  EXPECT_EQ(Value("0,5"), 0.5);
  EXPECT_EQ(Value("1500"), 1500);
  EXPECT_EQ(Value("0"), 0);
  EXPECT_EQ(Value("-3"), -3);
  EXPECT_EQ(Value("12,50"), 12.5);
}

TEST(VietnameseNumber, SpacesAndTheDongSignAreAllowed) {
  EXPECT_EQ(Value(" 1.500.000 đ "), 1500000);
  EXPECT_EQ(Value("1.500.000đ"), 1500000);
  EXPECT_EQ(Value("2.340.000 VNĐ"), 2340000);
  EXPECT_EQ(Value("1 500 000"), 1500000);
  EXPECT_EQ(Value("1\xC2\xA0"
                  "500"),
            1500);  // a no-break space pasted from Excel
  EXPECT_EQ(Value("1\xE2\x80\xAF"
                  "500"),
            1500);  // a narrow no-break space
  EXPECT_EQ(Value("250 ₫"), 250);
}

TEST(VietnameseNumber, AnythingElseIsRefusedWithItsReason) {
  EXPECT_EQ(Why("2l5"), Problem::kNotANumber);
  EXPECT_EQ(Why("abc"), Problem::kNotANumber);
  EXPECT_EQ(Why("5-"), Problem::kNotANumber);
  EXPECT_EQ(Why("1e5"), Problem::kNotANumber);
  EXPECT_EQ(Why("0x10"), Problem::kNotANumber);
  EXPECT_EQ(Why(",5"), Problem::kNotANumber);
  EXPECT_EQ(Why("5,"), Problem::kNotANumber);
  EXPECT_EQ(Why("1.500."), Problem::kNotANumber);
  EXPECT_EQ(Why("đ"), Problem::kEmpty);
  EXPECT_EQ(Why("   "), Problem::kEmpty);
  EXPECT_EQ(Why("12,5,3"), Problem::kTwoDecimalMarks);
  EXPECT_EQ(Why("12.5"), Problem::kDecimalPoint);
  EXPECT_EQ(Why("0.75"), Problem::kDecimalPoint);
  EXPECT_EQ(Why("1.50"), Problem::kDecimalPoint);
  EXPECT_EQ(Why("15.00.000"), Problem::kGrouping);
  EXPECT_EQ(Why("1.5000"), Problem::kDecimalPoint);  // an English decimal point, most likely
  EXPECT_EQ(Why("1234.567"), Problem::kGrouping);
  EXPECT_EQ(Why("1 2"), Problem::kGrouping);
  EXPECT_EQ(Why("1.500 000"), Problem::kGrouping);
  EXPECT_EQ(Why("1,5.5"), Problem::kGrouping);
  EXPECT_EQ(Why("1234567890123456"), Problem::kTooLong);
}

TEST(VietnameseNumber, WholeNumbersAreToldApart) {
  EXPECT_TRUE(ParseVn("1.500").whole);
  EXPECT_TRUE(ParseVn("7,00").whole);
  EXPECT_FALSE(ParseVn("12,5").whole);
}

TEST(VietnameseNumber, WhatAFormShowsBackReadsAsTheSameNumber) {
  for (double v : {0.0, 1500.0, 1500000.0, 12.5, 0.25, 1234567.891, 2340000.0}) {
    std::string shown = ForInput(v);
    EXPECT_DOUBLE_EQ(Value(shown), v) << shown;
  }
  EXPECT_EQ(ForInput(1500000), "1.500.000");
  EXPECT_EQ(ForInput(12.5), "12,5");
}

}  // namespace
}  // namespace kientao::number
