#include "modules/staffing/domain/benefits.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "base/rule_file.hpp"
#include "base/text.hpp"
#include "modules/staffing/errors.hpp"

namespace kientao::staffing {

namespace {

std::string Money(double v) { return text::VnNumber(std::round(v), 0); }
std::string N(double v) { return text::VnNumber(v, 2); }

}  // namespace

BenefitRules BenefitRules::Load(std::string_view nd154, std::string_view nd178) {
  // One parse of each file through base/rule_file: a missing value or a key these rules do not
  // know is refused with the file and the key named.
  RuleFile a = RuleFile::Parse(nd154, "nd-154-2025.toml");
  RuleFile b = RuleFile::Parse(nd178, "nd-178-2024.toml");
  auto num = [](const RuleFile& f, const char* key) { return f.Number(key); };
  auto str = [](const RuleFile& f, const char* key) { return f.Text(key); };
  BenefitRules r;
  r.until = str(a, "validity.until");
  r.a154_validity = str(a, "validity.article");
  r.min_years_early = static_cast<int>(num(a, "early_retirement.min_years_early"));
  r.max_years_early = static_cast<int>(num(a, "early_retirement.max_years_early"));
  r.per_year_early = num(a, "early_retirement.per_year_early");
  r.pension_min_insured_years =
      static_cast<int>(num(a, "early_retirement.pension_min_insured_years"));
  r.a154_early = str(a, "early_retirement.article");
  r.service_first_years = static_cast<int>(num(a, "service_allowance.first_years"));
  r.service_first = num(a, "service_allowance.first_amount");
  r.service_after = num(a, "service_allowance.per_year_after");
  r.service_short = num(a, "service_allowance.short_amount");
  r.a154_service = str(a, "service_allowance.article");
  r.resign_base = num(a, "resignation.base");
  r.resign_per_year = num(a, "resignation.per_insured_year");
  r.a154_resign = str(a, "resignation.article");
  r.rounding_154_verified = a.Flag("rounding.verified");
  r.within_12 = num(b, "pension_allowance.within_12_months");
  r.from_13th = num(b, "pension_allowance.from_13th_month");
  r.over5_within_12 = num(b, "pension_allowance.over_5_within_12_months");
  r.over5_from_13th = num(b, "pension_allowance.over_5_from_13th_month");
  r.cap_months = static_cast<int>(num(b, "pension_allowance.cap_months"));
  r.max_years_early_178 = static_cast<int>(num(b, "pension_allowance.max_years_early"));
  r.a178_pension = str(b, "pension_allowance.article");
  r.per_year_up_to_5 = num(b, "per_year_early.up_to_5_years");
  r.per_year_5_to_10 = num(b, "per_year_early.from_5_to_10_years");
  r.a178_per_year = str(b, "per_year_early.article");
  r.service178_first_years = static_cast<int>(num(b, "service_allowance.first_years"));
  r.service178_first = num(b, "service_allowance.first_amount");
  r.service178_after = num(b, "service_allowance.per_year_after");
  r.variant_first_years = static_cast<int>(num(b, "service_allowance.variant_first_years"));
  r.variant_first = num(b, "service_allowance.variant_first_amount");
  r.variant_verified = b.Flag("service_allowance.variant_verified");
  r.a178_service = str(b, "service_allowance.article");
  r.a178_rounding = str(b, "rounding.article");
  a.RefuseUnknownKeys();
  b.RefuseUnknownKeys();
  return r;
}

std::string_view RegimeCode(Regime r) {
  switch (r) {
    case Regime::kNd154Early:
      return "nd154_early";
    case Regime::kNd154Resignation:
      return "nd154_resignation";
    case Regime::kNd178Early:
      return "nd178_early";
  }
  return "nd154_early";
}

std::optional<Regime> ParseRegime(std::string_view code) {
  for (Regime r : {Regime::kNd154Early, Regime::kNd154Resignation, Regime::kNd178Early})
    if (RegimeCode(r) == code) return r;
  return std::nullopt;
}

double RoundedYears(int months) {
  int whole = months / 12, rest = months % 12;
  return whole + (rest == 0 ? 0.0 : rest <= 6 ? 0.5 : 1.0);
}

BenefitEstimate EstimateBenefits(const BenefitRules& r, Regime regime, const BenefitInput& in) {
  if (in.salary < 0) throw Error(errors::kNegativeInput, "salary");
  if (in.months_early < 0) throw Error(errors::kNegativeInput, "months_early");
  if (in.insured_months < 0) throw Error(errors::kNegativeInput, "insured_months");
  BenefitEstimate e;
  e.regime = regime;
  const double s = in.salary;
  auto add = [&](std::string label, std::string formula, double months, const std::string& article,
                 bool verified) {
    e.lines.push_back(
        {std::move(label), std::move(formula), months, months * s, article, verified});
    e.total += months * s;
  };
  double insured = RoundedYears(in.insured_months);
  // The service allowance by insured years (Decree 154's, and Decree 178's with its 15-year
  // variant).
  auto service = [&](int first_years, double first, double after, const std::string& article,
                     std::optional<std::pair<int, double>> variant, bool rounding_verified) {
    if (insured >= first_years) {
      double extra = insured - first_years;
      add("Trợ cấp theo số năm đóng BHXH",
          fmt::format("{} × {} + {} × {} × {} năm", N(first), Money(s), N(after), Money(s),
                      N(extra)),
          first + after * extra, article, rounding_verified);
    } else if (variant && insured >= variant->first) {
      double extra = insured - variant->first;
      add("Trợ cấp theo số năm đóng BHXH (từ đủ 15 năm)",
          fmt::format("{} × {} + {} × {} × {} năm", N(variant->second), Money(s), N(after),
                      Money(s), N(extra)),
          variant->second + after * extra, article, r.variant_verified);
    } else if (!variant && insured >= r.pension_min_insured_years) {
      add("Trợ cấp theo số năm đóng BHXH (từ 15 đến dưới 20 năm)",
          fmt::format("{} × {}", N(r.service_short), Money(s)), r.service_short, article,
          rounding_verified);
    }
  };
  switch (regime) {
    case Regime::kNd154Early: {
      double years = RoundedYears(in.months_early);
      if (in.months_early < 12 * r.min_years_early || in.months_early > 12 * r.max_years_early) {
        e.eligible = false;
        e.why_not =
            fmt::format("Nghỉ trước tuổi {} năm: chế độ này cho người nghỉ trước {}–{} năm.",
                        N(years), r.min_years_early, r.max_years_early);
        break;
      }
      if (insured < r.pension_min_insured_years) {
        e.eligible = false;
        e.why_not = fmt::format("Đóng BHXH {} năm: chưa đủ {} năm để hưởng lương hưu.", N(insured),
                                r.pension_min_insured_years);
        break;
      }
      add("Trợ cấp cho số năm nghỉ hưu trước tuổi",
          fmt::format("{} × {} × {} năm", N(r.per_year_early), Money(s), N(years)),
          r.per_year_early * years, r.a154_early, r.rounding_154_verified);
      service(r.service_first_years, r.service_first, r.service_after, r.a154_service, std::nullopt,
              r.rounding_154_verified);
      break;
    }
    case Regime::kNd154Resignation:
      add("Trợ cấp để tìm việc làm", fmt::format("{} × {}", N(r.resign_base), Money(s)),
          r.resign_base, r.a154_resign, true);
      add("Trợ cấp theo số năm đóng BHXH bắt buộc",
          fmt::format("{} × {} × {} năm", N(r.resign_per_year), Money(s), N(insured)),
          r.resign_per_year * insured, r.a154_resign, r.rounding_154_verified);
      break;
    case Regime::kNd178Early: {
      if (in.months_early <= 0 || in.months_early > 12 * r.max_years_early_178) {
        e.eligible = false;
        e.why_not =
            fmt::format("Nghỉ trước tuổi {} tháng: chế độ này cho người nghỉ trước đến {} năm.",
                        in.months_early, r.max_years_early_178);
        break;
      }
      bool over5 = in.months_early > 60;
      int months = std::min(in.months_early, r.cap_months);
      if (!over5) {
        double rate = in.within_12_months ? r.within_12 : r.from_13th;
        add("Trợ cấp hưu trí một lần cho số tháng nghỉ sớm",
            fmt::format("{} × {} × {} tháng", Money(s), N(rate), months), rate * months,
            r.a178_pension, true);
      } else {
        double rate = in.within_12_months ? r.over5_within_12 : r.over5_from_13th;
        add("Trợ cấp hưu trí một lần (nghỉ sớm trên 5 năm)",
            fmt::format("{} × {} × {} tháng", Money(s), N(rate), r.cap_months), rate * r.cap_months,
            r.a178_pension, true);
      }
      int full_years = in.months_early / 12;
      double per = over5 ? r.per_year_5_to_10 : r.per_year_up_to_5;
      add("Trợ cấp cho mỗi năm nghỉ sớm",
          fmt::format("{} × {} × {} năm", N(per), Money(s), full_years), per * full_years,
          r.a178_per_year, true);
      service(r.service178_first_years, r.service178_first, r.service178_after, r.a178_service,
              std::make_pair(r.variant_first_years, r.variant_first), true);
      break;
    }
  }
  return e;
}

}  // namespace kientao::staffing
