#pragma once
// The poverty module's routes: /api/v1/poverty/… (the standards, classify, measures).
#include "http/router.hpp"
#include "modules/poverty/registry.hpp"
#include "modules/poverty/service.hpp"

namespace kientao::http {
class Layout;
}

namespace kientao::poverty {

void RegisterPovertyRoutes(http::Router& router, const PovertyService& svc);
// The household register page /poverty/households (web/poverty_pages.cpp).
void RegisterHouseholdPages(http::Router& router, RegistryService& registry,
                            const http::Layout& layout);
// /api/v1/poverty/households… (web/households_api.cpp).
void RegisterHouseholdRoutes(http::Router& router, RegistryService& registry);
// The page /poverty: the what-if classifier and the standards (web/poverty_pages.cpp).
void RegisterPovertyPages(http::Router& router, const PovertyService& svc,
                          const http::Layout& layout);

}  // namespace kientao::poverty
