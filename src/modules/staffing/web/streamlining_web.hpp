#pragma once
// The streamlining plan on the web: candidates with grounds and benefit estimates, suggestions from
// the data, deferrals, the multi-year ranking, the budget per year; the candidate list (XLSX) and
// the plan as a Decree 30 document (DOCX).
#include "http/layout.hpp"
#include "http/router.hpp"
#include "modules/documents/docx.hpp"
#include "modules/staffing/streamlining.hpp"

namespace kientao::staffing {

void RegisterStreamliningRoutes(http::Router& router, StreamliningService& svc,
                                StaffingService& plans, const http::Layout& layout,
                                const documents::Layout30& doc_layout);

}  // namespace kientao::staffing
