#pragma once
// The two value spellings of an ADX message (IHE QRPH ADX, urn:ihe:qrph:adx:2015) that DHIS2 and
// other receivers read strictly.
#include <optional>
#include <string>

#include "base/period.hpp"

namespace kientao::reporting {

// The ADX period of a labelled calendar period: its first day and its length — "2026-11-01/P1M"
// for "Tháng 11 năm 2026", "2026-07-01/P3M" for Q3, "2026-01-01/P6M" and "2026-07-01/P6M" for the
// halves, "2026-01-01/P1Y" — which DHIS2 files under 202611, 2026Q3, 2026S1/S2 and 2026. Not the
// data window (15th of the month before …), which a receiver would file under the month before.
// The 9-month period has no ADX (ISO 8601 period) form that a receiver maps: nullopt.
std::optional<std::string> AdxPeriod(const Period& p);

// A value as xs:decimal, exactly as held: the shortest fixed-point spelling that reads back to the
// same number ("1234567", "77.5", "0.125"), never an exponent ("1.23457e+06" is not a decimal).
std::string AdxDecimal(double v);

}  // namespace kientao::reporting
