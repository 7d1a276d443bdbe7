#pragma once
// Staffing on the web (issue 4, first slice): the retirement calculator (API and page) and who
// retires in each year of the 2026–2031 plan, from the staff registry.
#include "http/layout.hpp"
#include "http/router.hpp"
#include "modules/org/service.hpp"
#include "modules/staffing/domain/retirement.hpp"
#include "modules/staffing/plan.hpp"

namespace kientao::staffing {

void RegisterStaffingRoutes(http::Router& router, org::OrgService& org, StaffingService& plans,
                            const RetirementRule& rule, const http::Layout& layout);

}  // namespace kientao::staffing
