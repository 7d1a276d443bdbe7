#pragma once
// The register and the statistics as XLSX sheets (presenters; the route renders them).
#include <vector>

#include "http/router.hpp"
#include "modules/documents/xlsx.hpp"
#include "modules/services/service.hpp"

namespace kientao::services {

// The register's rows (at most the rows given; `total` says how many matched).
documents::XlsxSheet RegisterSheet(const std::vector<DossierRow>& rows, long long total,
                                   const http::Ctx& ctx);
// The statistics: the figures, by month, by procedure.
std::vector<documents::XlsxSheet> StatsSheets(const Stats& s, const http::Ctx& ctx);

}  // namespace kientao::services
