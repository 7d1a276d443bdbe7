#include "modules/auth/domain/throttle.hpp"

#include <gtest/gtest.h>

namespace kientao::auth {

TEST(LoginThrottle, RefusesAfterMaxFailuresWithinWindowAndRecovers) {
  LoginThrottle t(3, 60);
  EXPECT_EQ(t.RetryAfter("u", 1000), 0);
  t.Failure("u", 1000);
  t.Failure("u", 1010);
  EXPECT_EQ(t.RetryAfter("u", 1011), 0);
  t.Failure("u", 1020);
  EXPECT_EQ(t.RetryAfter("u", 1021), 39);  // the first failure leaves the window at 1060
  EXPECT_EQ(t.RetryAfter("other", 1021), 0);
  EXPECT_EQ(t.RetryAfter("u", 1060), 0);
}

TEST(LoginThrottle, SuccessClearsTheCount) {
  LoginThrottle t(2, 60);
  t.Failure("u", 1);
  t.Success("u");
  t.Failure("u", 2);
  EXPECT_EQ(t.RetryAfter("u", 3), 0);
}

}  // namespace kientao::auth
