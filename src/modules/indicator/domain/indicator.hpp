#pragma once
// An indicator's definition and the checks every single value of it must pass. Pure.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/indicator/domain/disaggregation.hpp"
#include "modules/indicator/domain/rollup.hpp"
#include "modules/indicator/errors.hpp"

namespace kientao::indicator {

// count: a number of things; percent: numerator ÷ denominator × 100 (both entered); amount: VND;
// ratio: numerator ÷ denominator; yes_no: 1 or 0.
enum class Kind { kCount, kPercent, kAmount, kRatio, kYesNo };
enum class Direction { kHigher, kLower };  // which way is better

std::string_view KindCode(Kind k);
std::optional<Kind> ParseKind(std::string_view code);
std::string_view DirectionCode(Direction d);
std::optional<Direction> ParseDirection(std::string_view code);
// Whether the kind takes a denominator.
inline bool HasDenominator(Kind k) { return k == Kind::kPercent || k == Kind::kRatio; }

struct Definition {
  long long id = 0;
  std::string code;  // "DIGITAL_TRAINED"
  std::string name_vi;
  std::string name_en;
  std::string unit;  // "người", "hộ", "%", "đồng"
  Kind kind = Kind::kCount;
  Direction direction = Direction::kHigher;
  Aggregation aggregation = Aggregation::kSum;
  int key_no = 0;                    // the dispatch's key task (1–10) it measures; 0 = none
  std::string provider;              // "" when entered in reports; else the module that supplies it
  std::vector<Category> categories;  // disaggregation; empty = none
};

// The value shown for a numerator/denominator pair: the number itself, or the percent/ratio
// (nullopt when the denominator is 0).
std::optional<double> ValueOf(Kind k, double numerator, double denominator);

// Checks one entered value; throws Error naming `field`: IND-5001 numerator above denominator,
// IND-5002 negative, IND-5003 yes/no not 0 or 1, GEN-0004 denominator missing for a percent/ratio,
// IND-5004 a count that is not whole.
// Whether `value` meets `target` in the indicator's direction (at least it when higher is better,
// at most it when lower is).
bool MeetsTarget(const Definition& d, double value, double target);

void CheckValue(const Definition& d, double numerator, std::optional<double> denominator,
                const std::string& field);

// Whether `code` is a valid indicator code: 2–40 of A–Z, 0–9, '_', starting with a letter.
bool ValidCode(std::string_view code);

}  // namespace kientao::indicator
