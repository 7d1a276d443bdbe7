#pragma once
// The routes of the dossier register: the JSON API under /api/v1/services and the pages under
// /services.
#include "http/layout.hpp"
#include "http/router.hpp"
#include "modules/services/service.hpp"

namespace kientao::services {

void RegisterServicesRoutes(http::Router& router, ServicesService& svc, const http::Layout& layout);

}  // namespace kientao::services
