#pragma once
// The poverty module's routes: /api/v1/poverty/… (the standards, classify, measures).
#include "http/router.hpp"
#include "modules/poverty/service.hpp"

namespace kientao::http {
class Layout;
}

namespace kientao::poverty {

void RegisterPovertyRoutes(http::Router& router, const PovertyService& svc);
// The page /poverty: the what-if classifier and the standards (web/poverty_pages.cpp).
void RegisterPovertyPages(http::Router& router, const PovertyService& svc,
                          const http::Layout& layout);

}  // namespace kientao::poverty
