#include <map>

#include <gtest/gtest.h>

#include "modules/indicator/domain/indicator.hpp"
#include "modules/indicator/domain/validation.hpp"

namespace kientao::indicator {
namespace {

std::function<std::optional<double>(const std::string&)> Values(std::map<std::string, double> m) {
  return [m](const std::string& n) -> std::optional<double> {
    auto it = m.find(n);
    if (it == m.end()) return std::nullopt;
    return it->second;
  };
}

TEST(Expression, PrecedenceAndParentheses) {
  auto v = Values({{"A", 2}, {"B", 3}, {"A.den", 10}});
  EXPECT_DOUBLE_EQ(*Expression::Parse("A + B * 4").Evaluate(v), 14);
  EXPECT_DOUBLE_EQ(*Expression::Parse("(A + B) * 4").Evaluate(v), 20);
  EXPECT_DOUBLE_EQ(*Expression::Parse("A.den / 4 - 0.5").Evaluate(v), 2);
  EXPECT_EQ(Expression::Parse("A.den - B").Names(), (std::vector<std::string>{"A.den", "B"}));
}

TEST(Expression, MissingValueOrDivisionByZeroGivesNothing) {
  auto v = Values({{"A", 2}});
  EXPECT_FALSE(Expression::Parse("A + C").Evaluate(v));
  EXPECT_FALSE(Expression::Parse("A / (A - 2)").Evaluate(v));
}

TEST(Expression, MalformedIsRefusedWithThePosition) {
  for (const char* bad : {"", "A +", "(A", "A)", "A B", "a", "A.num", "1..2", "A + * B"}) {
    try {
      Expression::Parse(bad);
      ADD_FAILURE() << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), "IND-5005") << bad;
    }
  }
}

TEST(Rule, PassFailAndSkip) {
  ValidationRule r{1,
                   "Hộ nghèo không vượt quá tổng số hộ",
                   "",
                   Expression::Parse("POOR_HH"),
                   Operator::kLessEqual,
                   Expression::Parse("WASTE.den"),
                   "",
                   0};
  EXPECT_EQ(Check(r, Values({{"POOR_HH", 12}, {"WASTE.den", 300}})).outcome, RuleOutcome::kPassed);
  EXPECT_EQ(Check(r, Values({{"POOR_HH", 300}, {"WASTE.den", 300}})).outcome, RuleOutcome::kPassed);
  auto failed = Check(r, Values({{"POOR_HH", 301}, {"WASTE.den", 300}}));
  EXPECT_EQ(failed.outcome, RuleOutcome::kFailed);
  EXPECT_DOUBLE_EQ(failed.left, 301);
  EXPECT_EQ(Check(r, Values({{"POOR_HH", 5}})).outcome, RuleOutcome::kSkipped);
  EXPECT_EQ(ParseOperator(">="), Operator::kGreaterEqual);
  EXPECT_FALSE(ParseOperator("=>"));
}

Definition Def(Kind k) {
  Definition d;
  d.code = "X";
  d.kind = k;
  return d;
}

TEST(CheckValue, PercentNumeratorNotAboveDenominator) {
  EXPECT_NO_THROW(CheckValue(Def(Kind::kPercent), 10, 10.0, "X"));
  try {
    CheckValue(Def(Kind::kPercent), 11, 10.0, "X");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "IND-5001");
    EXPECT_EQ(e.field(), "X");
  }
  try {
    CheckValue(Def(Kind::kPercent), 1, std::nullopt, "X");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "GEN-0004");
  }
}

TEST(CheckValue, NegativeFractionalCountAndYesNo) {
  auto code = [](Kind k, double v) {
    try {
      CheckValue(Def(k), v, std::nullopt, "X");
      return std::string();
    } catch (const Error& e) {
      return std::string(e.code());
    }
  };
  EXPECT_EQ(code(Kind::kCount, -1), "IND-5002");
  EXPECT_EQ(code(Kind::kCount, 1.5), "IND-5004");
  EXPECT_EQ(code(Kind::kAmount, 1.5), "");
  EXPECT_EQ(code(Kind::kYesNo, 2), "IND-5003");
  EXPECT_EQ(code(Kind::kYesNo, 1), "");
}

TEST(ValueOf, PercentOfZeroDenominatorIsNothing) {
  EXPECT_DOUBLE_EQ(*ValueOf(Kind::kPercent, 45, 50), 90);
  EXPECT_FALSE(ValueOf(Kind::kPercent, 0, 0));
  EXPECT_TRUE(ValidCode("DIGITAL_TRAINED"));
  EXPECT_FALSE(ValidCode("digital"));
  EXPECT_FALSE(ValidCode("1ABC"));
}

}  // namespace
}  // namespace kientao::indicator
