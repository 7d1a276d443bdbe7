#pragma once
// Error codes of the indicator module (IND-5xxx). Messages: web/i18n/{vi,en}.toml under the same
// keys.
#include "base/error.hpp"

namespace kientao::indicator::errors {
inline constexpr ErrorDef kNumeratorOverDenominator{"IND-5001", 422};
inline constexpr ErrorDef kNegativeValue{"IND-5002", 422};
inline constexpr ErrorDef kYesNoValue{"IND-5003", 422};
inline constexpr ErrorDef kNotWhole{"IND-5004", 422};
inline constexpr ErrorDef kBadExpression{"IND-5005", 422};
inline constexpr ErrorDef kIndicatorNotFound{"IND-5006", 404};
inline constexpr ErrorDef kUnitNotFound{"IND-5007", 404};
inline constexpr ErrorDef kBadCode{"IND-5008", 422};
inline constexpr ErrorDef kCodeTaken{"IND-5009", 409};
inline constexpr ErrorDef kPercentOver100{"IND-5010", 422};
inline constexpr ErrorDef kBadCategories{"IND-5011", 422};
inline constexpr ErrorDef kBadCombination{"IND-5012", 422};
inline constexpr ErrorDef kTotalNotParts{"IND-5013", 422};
}  // namespace kientao::indicator::errors
