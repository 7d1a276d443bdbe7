#pragma once
// KPI on the web: the API, "my KPI", the unit head's review queue, the unit ranking, the annual
// rating list with its quota check, and the exports (score sheet, rating list and income list as
// XLSX, the rating minutes as DOCX).
#include "http/layout.hpp"
#include "http/router.hpp"
#include "modules/documents/docx.hpp"
#include "modules/kpi/service.hpp"

namespace kientao::kpi {

void RegisterKpiRoutes(http::Router& router, KpiService& svc, const http::Layout& layout,
                       const documents::Layout30& doc_layout);

}  // namespace kientao::kpi
