#pragma once
// What the API and the pages of the dossier register share: the JSON forms of a dossier and of the
// statistics, the readers of a request, and the presenters that build each page's data (testable
// without the router).
#include <boost/json/object.hpp>

#include "http/input.hpp"
#include "http/layout.hpp"
#include "http/router.hpp"
#include "http/templates.hpp"
#include "modules/documents/docx.hpp"
#include "modules/services/service.hpp"

namespace kientao::services {

boost::json::object DossierJson(const DossierRow& r);
boost::json::object StatsJson(const Stats& s);
boost::json::object Index766Json(const ServicesService::Score766& x, const Index766Rules& rules);
http::TemplateData Index766Page(const http::Ctx& ctx, const ServicesService::Score766& x,
                                const Index766Rules& rules);
// A date query parameter (ISO); GEN-0008 naming it when absent or not a date.
Date QueryDate(const http::Ctx& ctx, const std::string& name);
// The register's search: q, status, procedure_id, from, to (ISO or dd/mm/yyyy), page (1-based)
// or offset, limit.
DossierFilter ReadDossierFilter(const http::Ctx& ctx);
// A dossier received at the counter, from JSON or the counter form; every field's problem at once.
CounterEntry ReadCounterEntry(const http::Input& in);
// A column mapping: JSON {"source", "header_row", "columns": {header: column}}, or the mapping
// screen's form (source, header_row, and h<N>/c<N>: the file's header N and its import column).
ColumnMapping ReadMapping(const http::Input& in);
// A step after receipt, from JSON or the dossier page's form; every field's problem at once.
StepEntry ReadStepEntry(const http::Input& in);

// An import's bytes as text to read: an XLSX workbook (a zip archive) becomes the CSV of its first
// sheet, cells as they are shown, read by LibreOffice (SVC-8028 when it cannot, SVC-8027 when it is
// missing); any other file is returned as it is. `charset` becomes "utf-8" for a converted sheet.
std::string SpreadsheetAsCsv(const std::string& bytes, std::string& charset);

void RegisterServicesApi(http::Router& router, ServicesService& svc);
void RegisterServicesPages(http::Router& router, ServicesService& svc, const http::Layout& layout,
                           const documents::Layout30& doc_layout);

// Presenters: the data of each page.
http::TemplateData StatsPage(const http::Ctx& ctx, const Stats& s);
http::TemplateData RegisterPage(const http::Ctx& ctx, const DossierFilter& f,
                                const DossierPage& page, const std::vector<Procedure>& procedures);
// `chosen_step`: the step a refused form asked for, selected again.
http::TemplateData DossierPageData(const http::Ctx& ctx, const DossierRow& r,
                                   const std::vector<DossierEvent>& events,
                                   const std::string& chosen_step = "");
// The counter form with `values` as typed and `err`'s problems beside their fields.
http::TemplateData CounterForm(const http::Ctx& ctx, const http::TemplateData& values,
                               const std::vector<ServiceUnit>& units,
                               const std::vector<Procedure>& procedures, const Error* err);

}  // namespace kientao::services
