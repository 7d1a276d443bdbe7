#include "modules/indicator/domain/indicator.hpp"

#include <cmath>

namespace kientao::indicator {

std::string_view KindCode(Kind k) {
  switch (k) {
    case Kind::kCount:
      return "count";
    case Kind::kPercent:
      return "percent";
    case Kind::kAmount:
      return "amount";
    case Kind::kRatio:
      return "ratio";
    case Kind::kYesNo:
      return "yes_no";
  }
  return "count";
}

std::optional<Kind> ParseKind(std::string_view code) {
  for (Kind k : {Kind::kCount, Kind::kPercent, Kind::kAmount, Kind::kRatio, Kind::kYesNo})
    if (KindCode(k) == code) return k;
  return std::nullopt;
}

std::string_view DirectionCode(Direction d) { return d == Direction::kHigher ? "higher" : "lower"; }

std::optional<Direction> ParseDirection(std::string_view code) {
  if (code == "higher") return Direction::kHigher;
  if (code == "lower") return Direction::kLower;
  return std::nullopt;
}

std::optional<double> ValueOf(Kind k, double numerator, double denominator) {
  if (k == Kind::kPercent) {
    if (denominator == 0) return std::nullopt;
    return numerator / denominator * 100.0;
  }
  if (k == Kind::kRatio) {
    if (denominator == 0) return std::nullopt;
    return numerator / denominator;
  }
  return numerator;
}

bool MeetsTarget(const Definition& d, double value, double target) {
  return d.direction == Direction::kHigher ? value >= target : value <= target;
}

void CheckValue(const Definition& d, double numerator, std::optional<double> denominator,
                const std::string& field) {
  if (numerator < 0) throw Error(errors::kNegativeValue, field);
  if (d.kind == Kind::kYesNo && numerator != 0 && numerator != 1)
    throw Error(errors::kYesNoValue, field);
  if (d.kind == Kind::kCount && std::floor(numerator) != numerator)
    throw Error(errors::kNotWhole, field);
  if (!HasDenominator(d.kind)) return;
  if (!denominator) throw Error(gen_errors::kRequired, field + ".denominator");
  if (*denominator < 0) throw Error(errors::kNegativeValue, field + ".denominator");
  if (d.kind == Kind::kPercent && numerator > *denominator)
    throw Error(errors::kNumeratorOverDenominator, field,
                {{"numerator", std::to_string(static_cast<long long>(numerator))},
                 {"denominator", std::to_string(static_cast<long long>(*denominator))}});
}

bool ValidCode(std::string_view code) {
  if (code.size() < 2 || code.size() > 40 || !(code[0] >= 'A' && code[0] <= 'Z')) return false;
  for (char ch : code)
    if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_')) return false;
  return true;
}

}  // namespace kientao::indicator
