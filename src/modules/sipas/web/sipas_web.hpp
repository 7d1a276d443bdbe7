#pragma once
// The routes of the satisfaction survey: the public questionnaire behind a slip's link and a
// counter tablet (/khao-sat/…), the office's pages under /sipas and the JSON API under
// /api/v1/sipas; and what they share (the readers of a request, the JSON of the indices, the
// documents).
#include <set>
#include <string>

#include <boost/json/object.hpp>

#include "http/input.hpp"
#include "http/layout.hpp"
#include "http/router.hpp"
#include "modules/documents/docx.hpp"
#include "modules/documents/xlsx.hpp"
#include "modules/sipas/service.hpp"

namespace kientao::sipas {

void RegisterSipasRoutes(http::Router& router, SipasService& svc, const http::Layout& layout,
                         const documents::Layout30& doc_layout);
void RegisterSipasApi(http::Router& router, SipasService& svc);
void RegisterSipasPages(http::Router& router, SipasService& svc, const http::Layout& layout,
                        const documents::Layout30& doc_layout);

// The answers of a request: JSON {"answers": {"services.1": 5, …}} or a form whose fields are the
// item codes (radio buttons), skipping `other_fields`. A level that is not a whole number is
// refused on its item (SIP-9004, the scale having `levels` levels).
Answers ReadAnswers(const http::Input& in, int levels, const std::set<std::string>& other_fields);
// from, to (ISO or dd/mm/yyyy; default the year so far), unit, procedure, channel, questionnaire.
IndexQuery ReadIndexQuery(const http::Ctx& ctx);
boost::json::object IndicesJson(const Indices& x);
boost::json::object QuestionnaireJson(const Questionnaire& q, const Method& m);

// The answers as a sheet (one row per questionnaire, one column per item; no dossier, no person).
documents::XlsxSheet AnswersSheet(const Questionnaire& q, const Method& m,
                                  const std::vector<SipasStore::AnswerRow>& rows,
                                  const std::map<long long, services::Procedure>& procedures,
                                  const std::map<long long, std::string>& units);
// The indices by element, item, month, channel and procedure.
std::vector<documents::XlsxSheet> IndicesSheets(const Indices& x, const http::Ctx& ctx);
// The survey report of the period (Decree 30/2020 layout).
documents::OfficialDocument SurveyReport(const Indices& x, const std::string& commune,
                                         const http::Ctx& ctx);

}  // namespace kientao::sipas
