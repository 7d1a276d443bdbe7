#pragma once
// The sipas module's error codes (SIP-9xxx). Messages: i18n/vi.toml and i18n/en.toml.
#include "base/error.hpp"

namespace kientao::sipas::errors {

inline constexpr ErrorDef kTokenInvalid{"SIP-9001", 404};     // not a survey link kientao made
inline constexpr ErrorDef kTokenExpired{"SIP-9002", 410};     // {date}: valid until
inline constexpr ErrorDef kAlreadyAnswered{"SIP-9003", 409};  // the dossier has its answer
inline constexpr ErrorDef kOutOfScale{"SIP-9004", 422};       // {value}, {max}
inline constexpr ErrorDef kUnknownItem{"SIP-9005", 422};      // {value}: not in the questionnaire
inline constexpr ErrorDef kNothingAnswered{"SIP-9006", 422};  // every item left empty
inline constexpr ErrorDef kThrottled{"SIP-9007", 429};        // {minutes}
inline constexpr ErrorDef kKioskNotFound{"SIP-9008", 404};    // no such (active) counter tablet
inline constexpr ErrorDef kNotReturnedYet{"SIP-9009", 409};   // the result is not returned yet
inline constexpr ErrorDef kUnknownQuestionnaire{"SIP-9010", 422};  // {value}
inline constexpr ErrorDef kInvalidPeriod{"SIP-9011", 422};         // from after to, or > 5 years
inline constexpr ErrorDef kDossierNotFound{"SIP-9012", 404};  // {value}: no dossier of that code
inline constexpr ErrorDef kUnknownChannel{"SIP-9013", 422};   // {value}

}  // namespace kientao::sipas::errors
