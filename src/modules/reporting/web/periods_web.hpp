#pragma once
// Reporting periods: JSON API and the page listing a year's periods with their windows and send
// deadlines.
#include "http/layout.hpp"
#include "http/router.hpp"
#include "modules/reporting/reporting_rules.hpp"

namespace kientao::reporting {

void RegisterPeriodRoutes(http::Router& router, const ReportingRules& rules,
                          const http::Layout& layout);

}  // namespace kientao::reporting
