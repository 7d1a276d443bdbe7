#include "base/citizen_id.hpp"

#include <gtest/gtest.h>

namespace kientao {

TEST(CitizenId, AcceptsExactlyTwelveDigits) {
  EXPECT_TRUE(CitizenId::Parse("000123456789"));
  EXPECT_FALSE(CitizenId::Parse("00012345678"));
  EXPECT_FALSE(CitizenId::Parse("0001234567890"));
  EXPECT_FALSE(CitizenId::Parse("00012345678a"));
  EXPECT_FALSE(CitizenId::Parse("０００１２３４５６７８９"));  // full-width digits
}

TEST(CitizenId, MaskShowsProvinceCodeAndLastThree) {
  EXPECT_EQ(CitizenId::Parse("000123456789")->Masked(), "000******789");
  EXPECT_TRUE(CitizenId::Parse("000123456789")->IsDemo());
  EXPECT_FALSE(CitizenId::Parse("031123456789")->IsDemo());
}

}  // namespace kientao
