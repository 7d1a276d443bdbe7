#include "modules/indicator/domain/validation.hpp"

#include <charconv>
#include <cmath>

namespace kientao::indicator {

namespace {

int Precedence(char op) { return op == '*' || op == '/' ? 2 : 1; }

bool NameChar(char ch) {
  return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '.' ||
         (ch >= 'a' && ch <= 'z');
}

}  // namespace

Expression Expression::Parse(std::string_view text) {
  Expression e;
  e.text_ = std::string(text);
  std::vector<char> ops;  // '(' or an operator
  bool expect_operand = true;
  auto fail = [&](size_t pos) {
    throw Error(errors::kBadExpression, "expression",
                {{"value", std::string(text)}, {"position", std::to_string(pos + 1)}});
  };
  size_t i = 0;
  while (i < text.size()) {
    char ch = text[i];
    if (ch == ' ') {
      ++i;
      continue;
    }
    if (expect_operand) {
      if (ch == '(') {
        ops.push_back('(');
        ++i;
      } else if ((ch >= '0' && ch <= '9')) {
        size_t j = i;
        while (j < text.size() && ((text[j] >= '0' && text[j] <= '9') || text[j] == '.')) ++j;
        double v = 0;
        auto [p, ec] = std::from_chars(text.data() + i, text.data() + j, v);
        if (ec != std::errc() || p != text.data() + j) fail(i);
        e.rpn_.push_back({Token::kNumber, v, {}, 0});
        i = j;
        expect_operand = false;
      } else if (ch >= 'A' && ch <= 'Z') {
        size_t j = i;
        while (j < text.size() && NameChar(text[j])) ++j;
        std::string name(text.substr(i, j - i));
        auto dot = name.find('.');
        if (dot != std::string::npos && name.substr(dot) != ".den") fail(i + dot);
        e.rpn_.push_back({Token::kName, 0, name, 0});
        i = j;
        expect_operand = false;
      } else {
        fail(i);
      }
    } else {
      if (ch == ')') {
        while (!ops.empty() && ops.back() != '(') {
          e.rpn_.push_back({Token::kOp, 0, {}, ops.back()});
          ops.pop_back();
        }
        if (ops.empty()) fail(i);
        ops.pop_back();
        ++i;
      } else if (ch == '+' || ch == '-' || ch == '*' || ch == '/') {
        while (!ops.empty() && ops.back() != '(' && Precedence(ops.back()) >= Precedence(ch)) {
          e.rpn_.push_back({Token::kOp, 0, {}, ops.back()});
          ops.pop_back();
        }
        ops.push_back(ch);
        ++i;
        expect_operand = true;
      } else {
        fail(i);
      }
    }
  }
  if (expect_operand) fail(text.size());
  while (!ops.empty()) {
    if (ops.back() == '(') fail(text.size());
    e.rpn_.push_back({Token::kOp, 0, {}, ops.back()});
    ops.pop_back();
  }
  return e;
}

std::optional<double> Expression::Evaluate(
    const std::function<std::optional<double>(const std::string&)>& lookup) const {
  std::vector<double> stack;
  for (const Token& t : rpn_) {
    if (t.kind == Token::kNumber) {
      stack.push_back(t.number);
    } else if (t.kind == Token::kName) {
      auto v = lookup(t.name);
      if (!v) return std::nullopt;
      stack.push_back(*v);
    } else {
      double b = stack.back();
      stack.pop_back();
      double& a = stack.back();
      switch (t.op) {
        case '+':
          a += b;
          break;
        case '-':
          a -= b;
          break;
        case '*':
          a *= b;
          break;
        default:
          if (b == 0) return std::nullopt;
          a /= b;
      }
    }
  }
  return stack.back();
}

std::vector<std::string> Expression::Names() const {
  std::vector<std::string> out;
  for (const Token& t : rpn_)
    if (t.kind == Token::kName) out.push_back(t.name);
  return out;
}

std::optional<Operator> ParseOperator(std::string_view s) {
  for (Operator op : {Operator::kLess, Operator::kLessEqual, Operator::kEqual, Operator::kNotEqual,
                      Operator::kGreaterEqual, Operator::kGreater})
    if (OperatorText(op) == s) return op;
  return std::nullopt;
}

std::string Expression::Describe(
    const std::function<std::string(const std::string& name)>& label) const {
  std::string out;
  for (size_t i = 0; i < text_.size();) {
    if (text_[i] >= 'A' && text_[i] <= 'Z' && (i == 0 || !NameChar(text_[i - 1]))) {
      size_t j = i;
      while (j < text_.size() && NameChar(text_[j])) ++j;
      out += label(text_.substr(i, j - i));
      i = j;
    } else {
      out.push_back(text_[i++]);
    }
  }
  return out;
}

std::string_view OperatorSymbol(Operator op) {
  switch (op) {
    case Operator::kLess:
      return "<";
    case Operator::kLessEqual:
      return "≤";
    case Operator::kEqual:
      return "=";
    case Operator::kNotEqual:
      return "≠";
    case Operator::kGreaterEqual:
      return "≥";
    case Operator::kGreater:
      return ">";
  }
  return "";
}

std::string_view OperatorText(Operator op) {
  switch (op) {
    case Operator::kLess:
      return "<";
    case Operator::kLessEqual:
      return "<=";
    case Operator::kEqual:
      return "==";
    case Operator::kNotEqual:
      return "!=";
    case Operator::kGreaterEqual:
      return ">=";
    case Operator::kGreater:
      return ">";
  }
  return "<=";
}

RuleResult Check(const ValidationRule& rule,
                 const std::function<std::optional<double>(const std::string&)>& lookup) {
  RuleResult r;
  r.rule = &rule;
  auto l = rule.left.Evaluate(lookup);
  auto rt = rule.right.Evaluate(lookup);
  if (!l || !rt) return r;
  r.left = *l;
  r.right = *rt;
  constexpr double kEps = 1e-9;
  bool ok = false;
  switch (rule.op) {
    case Operator::kLess:
      ok = *l < *rt - kEps;
      break;
    case Operator::kLessEqual:
      ok = *l <= *rt + kEps;
      break;
    case Operator::kEqual:
      ok = std::fabs(*l - *rt) <= kEps;
      break;
    case Operator::kNotEqual:
      ok = std::fabs(*l - *rt) > kEps;
      break;
    case Operator::kGreaterEqual:
      ok = *l >= *rt - kEps;
      break;
    case Operator::kGreater:
      ok = *l > *rt + kEps;
      break;
  }
  r.outcome = ok ? RuleOutcome::kPassed : RuleOutcome::kFailed;
  return r;
}

}  // namespace kientao::indicator
