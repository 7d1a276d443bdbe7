#pragma once
// Error codes of the auth module (AUTH-3xxx). Messages: web/i18n/{vi,en}.toml under the same keys.
#include "base/error.hpp"

namespace kientao::auth::errors {
inline constexpr ErrorDef kBadCredentials{"AUTH-3001", 401};
inline constexpr ErrorDef kThrottled{"AUTH-3002", 429};
inline constexpr ErrorDef kUsernameTaken{"AUTH-3004", 409};
inline constexpr ErrorDef kInvalidRole{"AUTH-3005", 422};
inline constexpr ErrorDef kScopeNotFound{"AUTH-3006", 422};
inline constexpr ErrorDef kWeakPassword{"AUTH-3007", 422};
inline constexpr ErrorDef kUserNotFound{"AUTH-3008", 404};
inline constexpr ErrorDef kTokenNameTaken{"AUTH-3009", 409};
inline constexpr ErrorDef kTokenNotFound{"AUTH-3010", 404};
inline constexpr ErrorDef kInvalidUsername{"AUTH-3011", 422};
inline constexpr ErrorDef kStaffNotFound{"AUTH-3012", 422};
inline constexpr ErrorDef kCannotDisableSelf{"AUTH-3013", 409};
inline constexpr ErrorDef kGrantOutsideScope{"AUTH-3014", 403};
inline constexpr ErrorDef kWrongCurrentPassword{"AUTH-3015", 422};
inline constexpr ErrorDef kInvalidEmail{"AUTH-3016", 422};
inline constexpr ErrorDef kCommonPassword{"AUTH-3017", 422};       // "password12", "Matkhau@2026"
inline constexpr ErrorDef kPasswordHasUsername{"AUTH-3018", 422};  // the account's name in it
inline constexpr ErrorDef kPasswordUnchanged{"AUTH-3019", 422};    // the current password again
}  // namespace kientao::auth::errors
