#pragma once
// Staffing on the web (issue 4, first slice): the retirement calculator (API and page) and who
// retires in each year of the 2026–2031 plan, from the staff registry.
#include "http/layout.hpp"
#include "http/router.hpp"
#include "modules/documents/xlsx.hpp"
#include "modules/org/service.hpp"
#include "modules/staffing/domain/retirement.hpp"
#include "modules/staffing/plan.hpp"

namespace kientao::staffing {

// A month ("retires at the end of 04/2021") as a spreadsheet date cell shown mm/yyyy.
inline documents::XlsxCell MonthCell(const YearMonth& m) {
  auto d = Date::FromYmd(m.year, m.month, 1);
  return d ? documents::XlsxCell(documents::XlsxDate{*d, true}) : documents::XlsxCell(m.ToVn());
}

void RegisterStaffingRoutes(http::Router& router, org::OrgService& org, StaffingService& plans,
                            const RetirementRule& rule, const http::Layout& layout);

}  // namespace kientao::staffing
