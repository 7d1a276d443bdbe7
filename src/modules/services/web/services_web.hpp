#pragma once
// The routes of the dossier register: the JSON API under /api/v1/services and the pages under
// /services.
#include "http/layout.hpp"
#include "http/router.hpp"
#include "modules/documents/docx.hpp"
#include "modules/services/service.hpp"

namespace kientao::services {

void RegisterServicesRoutes(http::Router& router, ServicesService& svc, const http::Layout& layout,
                            const documents::Layout30& doc_layout);

}  // namespace kientao::services
