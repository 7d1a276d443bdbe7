#pragma once
// The rule catalogue's page (/rules) and API (/api/v1/rules?on=YYYY-MM-DD).
#include "http/layout.hpp"
#include "http/router.hpp"
#include "modules/rules/catalog.hpp"

namespace kientao::rules {

void RegisterRulesRoutes(http::Router& router, const Catalog& catalog, const http::Layout& layout);

}  // namespace kientao::rules
