#pragma once
// The receipt and appointment slip as a document (presenter; the route renders it).
#include <optional>
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

// The notice a step issued (Mẫu 02 supplement request, 03 refusal, 04 apology and new appointment,
// 05 stop), for the applicant: the dossier, the day, the reason and, for an extension, the new
// appointment. nullopt for a step without a form.
std::optional<documents::OfficialDocument> StepNotice(const DossierRow& r, const DossierEvent& e,
                                                      const std::string& unit,
                                                      const std::string& commune);

}  // namespace kientao::services
