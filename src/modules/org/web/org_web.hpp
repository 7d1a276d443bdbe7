#pragma once
// Pages and JSON API of the org module: org units and staff.
#include "http/layout.hpp"
#include "http/router.hpp"
#include "modules/org/service.hpp"

namespace kientao::org {

void RegisterOrgRoutes(http::Router& router, OrgService& service, const http::Layout& layout);

}  // namespace kientao::org
