#pragma once
// Error codes of the directive module (DIR-2xxx). Messages: web/i18n/{vi,en}.toml under the same
// keys.
#include "base/error.hpp"

namespace kientao::directive::errors {
inline constexpr ErrorDef kDeadlineBeforeStart{"DIR-2001", 422};
inline constexpr ErrorDef kPercentOutOfRange{"DIR-2002", 422};
inline constexpr ErrorDef kUpdateInFuture{"DIR-2003", 422};
inline constexpr ErrorDef kUpdateBeforeStart{"DIR-2004", 422};
inline constexpr ErrorDef kTaskStopped{"DIR-2005", 409};
inline constexpr ErrorDef kTaskAlreadyDone{"DIR-2006", 409};
inline constexpr ErrorDef kTaskNotFound{"DIR-2007", 404};
inline constexpr ErrorDef kDirectiveNotFound{"DIR-2008", 404};
inline constexpr ErrorDef kInvalidStatusFilter{"DIR-2009", 422};
inline constexpr ErrorDef kPercentBackwards{"DIR-2010", 422};
inline constexpr ErrorDef kUnitNotInCommune{"DIR-2011", 422};
inline constexpr ErrorDef kTaskCodeTaken{"DIR-2012", 409};
inline constexpr ErrorDef kInvalidTaskCode{"DIR-2013", 422};
inline constexpr ErrorDef kFileTooLarge{"DIR-2014", 413};
inline constexpr ErrorDef kFileType{"DIR-2015", 415};
inline constexpr ErrorDef kFileNotFound{"DIR-2016", 404};
inline constexpr ErrorDef kNoFile{"DIR-2017", 422};
inline constexpr ErrorDef kSubTaskAfterParent{"DIR-2018", 422};
inline constexpr ErrorDef kResponsibleNotInCommune{"DIR-2019", 422};
}  // namespace kientao::directive::errors
