#pragma once
// Error codes of the reporting module (REP-4xxx). Messages: web/i18n/{vi,en}.toml under the same
// keys.
#include "base/error.hpp"

namespace kientao::reporting::errors {
inline constexpr ErrorDef kUnknownPeriod{"REP-4001", 404};
inline constexpr ErrorDef kInvalidPeriodType{"REP-4002", 422};
inline constexpr ErrorDef kInvalidYear{"REP-4003", 422};
inline constexpr ErrorDef kFormNotFound{"REP-4004", 404};
inline constexpr ErrorDef kUnitNotOnForm{"REP-4005", 422};
inline constexpr ErrorDef kPeriodTypeMismatch{"REP-4006", 422};
inline constexpr ErrorDef kAlreadySubmitted{"REP-4007", 409};
inline constexpr ErrorDef kLocked{"REP-4008", 409};
inline constexpr ErrorDef kOwnReport{"REP-4009", 422};
inline constexpr ErrorDef kSubmissionNotFound{"REP-4010", 404};
inline constexpr ErrorDef kRulesFailed{"REP-4011", 422};
inline constexpr ErrorDef kIndicatorNotOnForm{"REP-4012", 422};
inline constexpr ErrorDef kPeriodNotOpen{"REP-4013", 422};
inline constexpr ErrorDef kWrongStatus{"REP-4014", 409};
inline constexpr ErrorDef kReportNotFound{"REP-4015", 404};
inline constexpr ErrorDef kReportIssued{"REP-4016", 409};
inline constexpr ErrorDef kTaskNumber{"REP-4017", 422};
inline constexpr ErrorDef kPackageCommune{"REP-4018", 422};
inline constexpr ErrorDef kPackageInvalid{"REP-4019", 422};
inline constexpr ErrorDef kPdfUnavailable{"REP-4020", 503};
inline constexpr ErrorDef kNotIssued{"REP-4021", 409};
inline constexpr ErrorDef kFormCode{"REP-4022", 422};
inline constexpr ErrorDef kFormCodeTaken{"REP-4023", 409};
inline constexpr ErrorDef kRuleFailed{"REP-4011-RULE", 422};  // one rule, in REP-4011's details
inline constexpr ErrorDef kTypedNotAValue{"REP-4031", 422};   // a draft's entry kept as typed
inline constexpr ErrorDef kRequiredValue{"REP-4032", 422};    // a required indicator left empty
inline constexpr ErrorDef kNoAdxPeriod{"REP-4033", 422};      // 9 months: no ADX period form
inline constexpr ErrorDef kRuleNotFound{"REP-4034", 404};     // a validation rule not there
// Indicators are one catalogue for the whole installation: only its administrators define them.
inline constexpr ErrorDef kCatalogueAdmin{"REP-4035", 403};
}  // namespace kientao::reporting::errors
