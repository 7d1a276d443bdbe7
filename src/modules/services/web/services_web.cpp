#include "modules/services/web/services_web.hpp"

#include "modules/services/web/services_present.hpp"

namespace kientao::services {

void RegisterServicesRoutes(http::Router& router, ServicesService& svc, const http::Layout& layout,
                            const documents::Layout30& doc_layout) {
  RegisterServicesApi(router, svc);
  RegisterServicesPages(router, svc, layout, doc_layout);
}

}  // namespace kientao::services
