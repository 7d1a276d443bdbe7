#pragma once
// The reporting module's permission names. Which roles hold them is in the module's manifest
// (modules/reporting/module.cpp); base/access only checks them.
#include <string_view>

namespace kientao::access {

inline constexpr std::string_view kReportRead = "report.read";  // periodic reports and indicators
inline constexpr std::string_view kReportSubmit =
    "report.submit";  // fill and submit the periodic reports of one's unit
inline constexpr std::string_view kReportApprove =
    "report.approve";  // return or approve reports, consolidate and issue the commune's report
inline constexpr std::string_view kReportImport =
    "report.import";  // receive communes' report packages (a city installation)
inline constexpr std::string_view kReportCity =
    "report.city";  // the city's view over every commune's reports

}  // namespace kientao::access
