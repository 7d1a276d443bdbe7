#pragma once
// The commune's consolidated report as documents: the Decree 30 DOCX and the XLSX annex of
// indicator tables (one sheet per group of key tasks).
#include <functional>
#include <string>

#include "modules/documents/docx.hpp"
#include "modules/reporting/service.hpp"

namespace kientao::reporting {

// `task_titles[k]` is the short title of key task k (1–10); `dispatch` the citation of the dispatch
// that set the key tasks (documents::CiteDocument), "" when none is loaded.
documents::OfficialDocument ReportDocument(const CommuneReport& r,
                                           const std::map<int, std::string>& task_titles,
                                           const std::string& dispatch);
// The annex names every figure's source in words (`source_label("staffing.quota")`), never by
// its internal code.
std::string ReportAnnexXlsx(const CommuneReport& r, const std::map<int, std::string>& task_titles,
                            const std::function<std::string(const std::string&)>& source_label);
// "Xa-Lac-Phuong-BC-2026M11" style file name stem (ASCII).
std::string ReportFileStem(const CommuneReport& r);

}  // namespace kientao::reporting
