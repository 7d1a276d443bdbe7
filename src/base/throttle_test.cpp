#include "base/throttle.hpp"

#include <gtest/gtest.h>

namespace kientao {

TEST(Throttle, RefusesAfterMaxFailuresWithinWindowAndRecovers) {
  Throttle t(3, 60);
  EXPECT_EQ(t.RetryAfter("u", 1000), 0);
  t.Record("u", 1000);
  t.Record("u", 1010);
  EXPECT_EQ(t.RetryAfter("u", 1011), 0);
  t.Record("u", 1020);
  EXPECT_EQ(t.RetryAfter("u", 1021), 39);  // the first failure leaves the window at 1060
  EXPECT_EQ(t.RetryAfter("other", 1021), 0);
  EXPECT_EQ(t.RetryAfter("u", 1060), 0);
}

TEST(Throttle, ClearForgetsTheCount) {
  Throttle t(2, 60);
  t.Record("u", 1);
  t.Clear("u");
  t.Record("u", 2);
  EXPECT_EQ(t.RetryAfter("u", 3), 0);
}

}  // namespace kientao
