#pragma once
// Error codes of the org module (ORG-1xxx). Messages: web/i18n/{vi,en}.toml under the same keys.
#include "base/error.hpp"

namespace kientao::org::errors {
inline constexpr ErrorDef kUnitNotFound{"ORG-1001", 404};
inline constexpr ErrorDef kInvalidKind{"ORG-1002", 422};
inline constexpr ErrorDef kCodeTaken{"ORG-1003", 409};
inline constexpr ErrorDef kParentKindNotAllowed{"ORG-1004", 422};
inline constexpr ErrorDef kStaffNotFound{"ORG-1005", 404};
inline constexpr ErrorDef kInvalidCitizenId{"ORG-1006", 422};
inline constexpr ErrorDef kCitizenIdTaken{"ORG-1007", 409};
inline constexpr ErrorDef kBirthDateOutOfRange{"ORG-1008", 422};
inline constexpr ErrorDef kStartDateInvalid{"ORG-1009", 422};
inline constexpr ErrorDef kUnitInactive{"ORG-1010", 422};
inline constexpr ErrorDef kCsvMissingColumn{"ORG-1011", 422};
inline constexpr ErrorDef kImportRefused{"ORG-1012", 422};
inline constexpr ErrorDef kInvalidCode{"ORG-1013", 422};
inline constexpr ErrorDef kUnitHasActiveMembers{"ORG-1014", 409};
inline constexpr ErrorDef kCsvMalformed{"ORG-1015", 422};
inline constexpr ErrorDef kNotAStaffUnit{"ORG-1016", 422};
inline constexpr ErrorDef kEmptyImport{"ORG-1017", 422};
inline constexpr ErrorDef kDuplicateInFile{"ORG-1018", 422};
inline constexpr ErrorDef kActiveDatesInvalid{"ORG-1019", 422};
inline constexpr ErrorDef kAlreadyInactive{"ORG-1020", 409};
// The citizen ID cannot be saved, said without confirming whose it is to one who may not read
// full IDs (the probe is audited and throttled).
inline constexpr ErrorDef kCitizenIdUnavailable{"ORG-1021", 409};
}  // namespace kientao::org::errors
