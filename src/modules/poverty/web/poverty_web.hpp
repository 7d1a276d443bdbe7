#pragma once
// The poverty module's routes: /api/v1/poverty/… (the standards, classify, measures).
#include "http/router.hpp"
#include "modules/poverty/service.hpp"

namespace kientao::poverty {

void RegisterPovertyRoutes(http::Router& router, const PovertyService& svc);

}  // namespace kientao::poverty
