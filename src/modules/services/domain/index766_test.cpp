#include "modules/services/domain/index766.hpp"

#include <gtest/gtest.h>

#include "base/rule_file.hpp"

namespace kientao::services {

namespace {

const char* kRules = R"(
[rule]
set = "services-766"
title = "766"
article = "QĐ 766"
verified = false
effective_from = 2022-06-23
[groups]
article = "a"
verified = true
order = ["disclosure", "progress", "digitisation", "online", "satisfaction"]
disclosure = 18
progress = 20
digitisation = 22
online = 22
satisfaction = 18
[points]
article = "b"
verified = false
method = "proportional"
[satisfaction]
article = "c"
verified = false
handling_max = 6
)";

}  // namespace

TEST(Index766, GroupsWithDataScoreInProportionAndTheOthersAreLeftOut) {
  Index766Rules rules = Index766Rules::Load(kRules);
  ASSERT_EQ(rules.groups.size(), 5u);
  EXPECT_FALSE(rules.points_verified);
  Index766Inputs in;
  in.on_time_rate = 90;
  in.full_dvc_share = 50;
  in.online_rate = 40;
  in.online_payment_rate = std::nullopt;  // no fee in the period: the mean of the other two
  in.handling_satisfaction = 80;
  Index766 x = Compute766(rules, in);
  EXPECT_EQ(x.groups[0].code, "disclosure");
  EXPECT_FALSE(x.groups[0].points);  // no data for disclosure or digitisation
  EXPECT_FALSE(x.groups[2].points);
  EXPECT_DOUBLE_EQ(*x.groups[1].points, 18);         // 20 × 90%
  EXPECT_DOUBLE_EQ(*x.groups[3].rate, 45);           // (50 + 40) ÷ 2
  EXPECT_DOUBLE_EQ(*x.groups[3].points, 22 * 0.45);  // 9,9
  EXPECT_DOUBLE_EQ(x.groups[4].max_with_data, 6);    // handling only, of 18
  EXPECT_DOUBLE_EQ(*x.groups[4].points, 4.8);
  EXPECT_DOUBLE_EQ(x.points, 18 + 9.9 + 4.8);
  EXPECT_DOUBLE_EQ(x.max_with_data, 20 + 22 + 6);
}

TEST(Index766, AnUnknownPointMethodIsRefused) {
  std::string bad = kRules;
  bad.replace(bad.find("\"proportional\""), 14, "\"curve\"");
  EXPECT_THROW(Index766Rules::Load(bad), RuleFileError);
}

}  // namespace kientao::services
