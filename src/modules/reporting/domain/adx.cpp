#include "modules/reporting/domain/adx.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

namespace kientao::reporting {

std::optional<std::string> AdxPeriod(const Period& p) {
  int first_month = 1;
  const char* length = "P1Y";
  switch (p.type()) {
    case PeriodType::kMonth:
      first_month = p.index();
      length = "P1M";
      break;
    case PeriodType::kQuarter:
      first_month = 3 * (p.index() - 1) + 1;
      length = "P3M";
      break;
    case PeriodType::kHalf:
      first_month = p.index() == 1 ? 1 : 7;
      length = "P6M";
      break;
    case PeriodType::kYear:
      break;
    case PeriodType::kNine:
      return std::nullopt;
  }
  return fmt::format("{:04}-{:02}-01/{}", p.year(), first_month, length);
}

std::string AdxDecimal(double v) {
  if (!std::isfinite(v)) throw std::invalid_argument("not a finite number");
  if (v == 0) return "0";  // also for -0
  char buf[400];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  if (ec != std::errc()) throw std::invalid_argument("number too long");
  return std::string(buf, end);
}

}  // namespace kientao::reporting
