#pragma once
// Validation rules between values, as DHIS2 writes them: left side, operator, right side, each side
// an expression over indicator values ("POOR_HH <= HOUSEHOLDS", "WASTE_SORTED.den >= POOR_HH + 1").
// A name is an indicator's value (its numerator for percents and ratios); NAME.den is its
// denominator. + - * / and parentheses; numbers with '.' decimals. A rule with any value missing is
// skipped, not failed. Pure.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/indicator/errors.hpp"

namespace kientao::indicator {

class Expression {
 public:
  // Throws Error IND-5005 with the position when `text` is not an expression.
  static Expression Parse(std::string_view text);
  // nullopt when a name has no value or a division by zero happens.
  std::optional<double> Evaluate(
      const std::function<std::optional<double>(const std::string& name)>& lookup) const;
  // Every name the expression reads ("POOR_HH", "WASTE_SORTED.den").
  std::vector<std::string> Names() const;
  const std::string& text() const { return text_; }
  // The expression as people read it: each name replaced by `label(name)` ("Số hộ nghèo"), the
  // operators as written, so no code reaches someone who does not write rules.
  std::string Describe(const std::function<std::string(const std::string& name)>& label) const;

 private:
  struct Token {
    enum Kind { kNumber, kName, kOp } kind;
    double number = 0;
    std::string name;
    char op = 0;
  };
  std::vector<Token> rpn_;
  std::string text_;
};

enum class Operator { kLess, kLessEqual, kEqual, kNotEqual, kGreaterEqual, kGreater };
std::optional<Operator> ParseOperator(std::string_view s);  // "<", "<=", "==", "!=", ">=", ">"
std::string_view OperatorText(Operator op);
// The operator as Vietnamese print it: "≤", "≥", "=", "≠", "<", ">".
std::string_view OperatorSymbol(Operator op);

struct ValidationRule {
  long long id = 0;
  std::string name_vi;  // what the reporter sees when it fails
  std::string name_en;
  Expression left;
  Operator op = Operator::kLessEqual;
  Expression right;
  std::string scope_path;  // the subtree whose reports it checks ("/1/2/"); "" = everywhere
  long long commune_id = 0;
};

enum class RuleOutcome { kPassed, kFailed, kSkipped };

struct RuleResult {
  const ValidationRule* rule = nullptr;
  RuleOutcome outcome = RuleOutcome::kSkipped;
  double left = 0;
  double right = 0;
};

RuleResult Check(const ValidationRule& rule,
                 const std::function<std::optional<double>(const std::string&)>& lookup);

}  // namespace kientao::indicator
