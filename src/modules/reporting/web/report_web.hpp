#pragma once
// Periodic reports on the web: the JSON API and the pages to fill a unit's report (on a phone too),
// review and approve them, follow completeness and remind, and consolidate, edit, issue and
// download the commune's report (DOCX, XLSX annex, PDF).
#include "http/layout.hpp"
#include "http/router.hpp"
#include "modules/directive/service.hpp"
#include "modules/documents/docx.hpp"
#include "modules/reporting/service.hpp"

namespace kientao::reporting {

void RegisterReportRoutes(http::Router& router, ReportService& service,
                          directive::DirectiveService& directives, const http::Layout& layout,
                          const documents::Layout30& doc_layout);

// The period a form is reported for by default on `today`: the latest one whose data window has
// closed.
Period DefaultPeriod(PeriodType t, Date today);
// The period before `p` of the same type.
Period PreviousPeriod(const Period& p);

}  // namespace kientao::reporting
