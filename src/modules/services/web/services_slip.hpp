#pragma once
// The receipt and appointment slip as a document (presenter; the route renders it).
#include <string>

#include "http/router.hpp"
#include "modules/documents/docx.hpp"
#include "modules/services/service.hpp"

namespace kientao::services {

// The full address the slip's QR code holds (the applicant's own page), on the host the request
// came to.
std::string SlipUrl(const http::Ctx& ctx, ServicesService& svc, long long id);
// Mẫu 01 of Circular 03/2025/TT-VPCP: the receiving unit and commune, the dossier's code, the
// applicant, the procedure, when it was received and when the result is due, the QR code of `url`,
// the signatures of the applicant and the clerk.
documents::OfficialDocument SlipDocument(const DossierRow& r, const std::string& unit,
                                         const std::string& commune, const std::string& url);

}  // namespace kientao::services
