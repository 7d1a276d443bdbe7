#include "modules/poverty/service.hpp"

#include "modules/poverty/errors.hpp"

namespace kientao::poverty {

namespace {

// A review year's standard: the version in force on the year's first day (a standard's
// effective_from … effective_to are the years whose reviews use it).
template <typename T>
const typename RuleSet<T>::Version* ForYear(const RuleSet<T>& set, int year) {
  auto first = Date::FromYmd(year, 1, 1);
  return first ? set.On(*first) : nullptr;
}

}  // namespace

PovertyService::PovertyService(const std::vector<std::pair<std::string, std::string>>& files) {
  for (const auto& [name, text] : files) {
    Standard s = Standard::Load(text, name);
    RuleMeta meta = s.meta;
    (meta.set == "poverty-national" ? national_ : province_).Add(meta, std::move(s));
  }
}

const RuleSet<Standard>::Version& PovertyService::NationalFor(int year) const {
  const auto* v = ForYear(national_, year);
  if (!v) throw Error(errors::kNoStandard, "year", {{"value", std::to_string(year)}});
  return *v;
}

const RuleSet<Standard>::Version* PovertyService::ProvinceFor(int year) const {
  return ForYear(province_, year);
}

YearClassification PovertyService::Classify(int year, const Household& h) const {
  YearClassification out;
  out.national.standard = &NationalFor(year);
  out.national.result = poverty::Classify(out.national.standard->value, h);
  if (const auto* p = ProvinceFor(year)) {
    // The province's indicators may differ: codes it does not measure count for nothing there.
    Household local = h;
    for (auto it = local.deprived.begin(); it != local.deprived.end();)
      it = p->value.Find(*it) ? std::next(it) : local.deprived.erase(it);
    out.province = StandardClassification{p, poverty::Classify(p->value, local)};
  }
  return out;
}

Decomposition PovertyService::AlkireFosterByGroupOf(int year,
                                                    const std::vector<Household>& households,
                                                    const std::vector<std::string>& groups,
                                                    double k, bool dual_cutoff) const {
  return AlkireFosterByGroup(NationalFor(year).value, households, groups, k, dual_cutoff);
}

Measures PovertyService::AlkireFosterOf(int year, const std::vector<Household>& households,
                                        double k, bool dual_cutoff) const {
  return AlkireFoster(NationalFor(year).value, households, k, dual_cutoff);
}

}  // namespace kientao::poverty
