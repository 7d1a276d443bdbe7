#pragma once
// The services module's error codes (SVC-8xxx). Messages: i18n/vi.toml and i18n/en.toml.
#include "base/error.hpp"

namespace kientao::services::errors {

inline constexpr ErrorDef kProcedureNotFound{"SVC-8001", 404};   // no such procedure in scope
inline constexpr ErrorDef kDossierNotFound{"SVC-8002", 404};     // no such dossier in scope
inline constexpr ErrorDef kUnknownProcedure{"SVC-8003", 422};    // {value}: not in the catalogue
inline constexpr ErrorDef kInvalidOnlineLevel{"SVC-8004", 422};  // {value}
inline constexpr ErrorDef kInvalidChannel{"SVC-8005", 422};      // {value}
inline constexpr ErrorDef kReturnedBeforeReceived{"SVC-8006", 422};
inline constexpr ErrorDef kDueBeforeReceived{"SVC-8007", 422};
inline constexpr ErrorDef kFullProcessNotOnline{"SVC-8008", 422};  // flag on a counter/post dossier
inline constexpr ErrorDef kFullProcessNoService{"SVC-8009", 422};  // procedure has no such service
inline constexpr ErrorDef kDuplicateInFile{"SVC-8010", 422};       // {value}: code twice in a file
inline constexpr ErrorDef kImportRefused{"SVC-8011", 422};         // details: every row's problems
inline constexpr ErrorDef kMissingColumn{"SVC-8012", 422};         // {column}
inline constexpr ErrorDef kEmptyImport{"SVC-8013", 422};
inline constexpr ErrorDef kCsvMalformed{"SVC-8014", 422};     // {line}
inline constexpr ErrorDef kNotAServiceUnit{"SVC-8015", 422};  // the unit has no commune
inline constexpr ErrorDef kHandlingDays{"SVC-8016", 422};     // 0–365 working days
inline constexpr ErrorDef kInvalidFlag{"SVC-8017", 422};      // {value}: not 0 or 1
inline constexpr ErrorDef kInvalidCode{"SVC-8018", 422};      // {value}
inline constexpr ErrorDef kDuplicateCode{"SVC-8019", 409};    // a dossier with this code exists
inline constexpr ErrorDef kAlreadyReturned{"SVC-8020", 409};  // result already returned
inline constexpr ErrorDef kInvalidPeriod{"SVC-8021", 422};    // from after to, or > 5 years
inline constexpr ErrorDef kUnitNotFound{"SVC-8022", 404};     // {value}: no such unit in scope
inline constexpr ErrorDef kInvalidStatus{"SVC-8023", 422};    // {value}
inline constexpr ErrorDef kUnknownStep{"SVC-8024", 422};      // {value}: not a step of a dossier
inline constexpr ErrorDef kStepNotAllowed{"SVC-8025", 409};   // {status}: not after this status
inline constexpr ErrorDef kNewDueNotLater{"SVC-8026", 422};   // {date}: the current appointment
inline constexpr ErrorDef kPdfUnavailable{"SVC-8027", 503};   // LibreOffice missing or failed
inline constexpr ErrorDef kUnreadableSheet{"SVC-8028", 422};  // an XLSX LibreOffice cannot read
inline constexpr ErrorDef kUnknownImportColumn{"SVC-8029", 422};  // {value}: not an import column
inline constexpr ErrorDef kColumnMappedTwice{"SVC-8030", 422};    // {value}: given to two headers
inline constexpr ErrorDef kUnknownMapping{"SVC-8031", 404};       // {value}: no saved mapping

}  // namespace kientao::services::errors
