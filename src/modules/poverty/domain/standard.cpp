#include "modules/poverty/domain/standard.hpp"

#include <algorithm>
#include <cmath>

#include "modules/poverty/errors.hpp"

namespace kientao::poverty {

std::optional<Area> ParseArea(std::string_view code) {
  if (code == "rural") return Area::kRural;
  if (code == "urban") return Area::kUrban;
  return std::nullopt;
}

std::string_view AreaCode(Area a) { return a == Area::kRural ? "rural" : "urban"; }

std::string_view ClassCode(Class c) {
  switch (c) {
    case Class::kPoor:
      return "poor";
    case Class::kNearPoor:
      return "near_poor";
    case Class::kAverageLiving:
      return "average_living";
    case Class::kNotPoor:
      break;
  }
  return "not_poor";
}

Standard Standard::Load(std::string_view text, const std::string& file) {
  RuleFile f = RuleFile::Parse(text, file);
  Standard s;
  s.meta = f.meta();
  s.line_rural = f.Number("lines.rural");
  s.line_urban = f.Number("lines.urban");
  s.lines_verified = f.Flag("lines.verified");
  if (f.Has("average_living")) {
    s.mid_rural = f.Number("average_living.rural");
    s.mid_urban = f.Number("average_living.urban");
    s.mid_verified = f.Flag("average_living.verified");
    if (*s.mid_rural <= s.line_rural || *s.mid_urban <= s.line_urban)
      throw RuleFileError(file + ": average_living must lie above the poverty lines");
  }
  if (s.line_rural <= 0 || s.line_urban <= 0)
    throw RuleFileError(file + ": lines.rural and lines.urban must be positive");
  s.poor_min_deprivations = static_cast<int>(f.Whole("classification.poor_min_deprivations"));
  std::vector<std::string> order = f.Texts("classification.indicators");
  if (order.size() > 32)
    throw RuleFileError(file + ": classification.indicators: at most 32 indicators");
  if (s.poor_min_deprivations < 1 || s.poor_min_deprivations > static_cast<int>(order.size()))
    throw RuleFileError(file +
                        ": classification.poor_min_deprivations must be 1 to the number "
                        "of indicators");
  for (const std::string& code : order) {
    std::string t = "indicators." + code;
    if (!f.Has(t))
      throw RuleFileError(file + ": classification.indicators names " + code + ", which has no [" +
                          t + "] table");
    Indicator ind;
    ind.code = code;
    ind.dimension = f.Text(t + ".dimension");
    ind.name = f.Text(t + ".name");
    ind.threshold = f.Text(t + ".threshold");
    ind.article = f.Text(t + ".article");
    ind.verified = f.Flag(t + ".verified");
    for (const std::string& key : f.Keys(t))
      if (key != "dimension" && key != "name" && key != "threshold" && key != "article" &&
          key != "verified" && key != "note")
        ind.params[key] = f.Number(t + "." + key);
    for (auto& other : s.indicators)
      if (other.code == code) throw RuleFileError(file + ": indicator " + code + " twice");
    s.indicators.push_back(std::move(ind));
  }
  f.RefuseUnknownKeys();
  return s;
}

const Indicator* Standard::Find(std::string_view code) const {
  for (auto& i : indicators)
    if (i.code == code) return &i;
  return nullptr;
}

void CheckHousehold(const Standard& s, const Household& h) {
  if (h.income_per_capita < 0 || !std::isfinite(h.income_per_capita))
    throw Error(errors::kNegativeIncome, "income_per_capita");
  for (const std::string& code : h.deprived)
    if (!s.Find(code))
      throw Error(errors::kUnknownIndicator, "deprived",
                  {{"value", code}, {"standard", s.meta.title}});
}

Classification Classify(const Standard& s, const Household& h) {
  CheckHousehold(s, h);
  Classification out;
  out.deprivations = static_cast<int>(h.deprived.size());
  out.poverty_line = s.Line(h.area);
  out.mid_line = s.MidLine(h.area);
  if (h.income_per_capita <= out.poverty_line)
    out.cls = out.deprivations >= s.poor_min_deprivations ? Class::kPoor : Class::kNearPoor;
  else if (h.agricultural && out.mid_line && h.income_per_capita <= *out.mid_line)
    out.cls = Class::kAverageLiving;
  else
    out.cls = Class::kNotPoor;
  return out;
}

MeasuresAccumulator::MeasuresAccumulator(const Standard& s, double k, bool dual_cutoff)
    : s_(s), k_(k), dual_(dual_cutoff), poor_deprived_(s.indicators.size(), 0) {
  if (!(k > 0 && k <= 1)) throw Error(errors::kCutoffRange, "k", {{"value", std::to_string(k)}});
}

void MeasuresAccumulator::Add(const Household& h) {
  CheckHousehold(s_, h);
  uint32_t mask = 0;
  for (size_t j = 0; j < s_.indicators.size() && j < 32; ++j)
    if (h.deprived.count(s_.indicators[j].code)) mask |= 1u << j;
  AddMask(h.area, h.income_per_capita, mask);
}

void MeasuresAccumulator::AddMask(Area area, double income_per_capita, uint32_t deprived) {
  const size_t d = std::min<size_t>(s_.indicators.size(), 32);
  if (d < 32) deprived &= (1u << d) - 1;
  ++n_;
  int count = __builtin_popcount(deprived);
  double c = static_cast<double>(count) / static_cast<double>(s_.indicators.size());
  bool poor = c >= k_ - 1e-9 && (!dual_ || income_per_capita <= s_.Line(area));
  if (!poor) return;
  ++q_;
  poor_deprivations_ += count;
  for (uint32_t m = deprived; m; m &= m - 1)
    ++poor_deprived_[static_cast<size_t>(__builtin_ctz(m))];
}

Measures MeasuresAccumulator::Result() const {
  Measures m;
  m.n = n_;
  m.q = q_;
  const double d = static_cast<double>(s_.indicators.size());
  if (n_ > 0) m.H = static_cast<double>(q_) / static_cast<double>(n_);
  if (q_ > 0) m.A = static_cast<double>(poor_deprivations_) / d / static_cast<double>(q_);
  // M0 as the mean censored score, (1/n) Σ c_i(k): the same as H·A without its rounding.
  if (n_ > 0) m.M0 = static_cast<double>(poor_deprivations_) / d / static_cast<double>(n_);
  for (size_t j = 0; j < s_.indicators.size(); ++j) {
    double censored = n_ > 0 ? static_cast<double>(poor_deprived_[j]) / static_cast<double>(n_) : 0;
    m.contributions[s_.indicators[j].code] = m.M0 > 0 ? (1.0 / d) * censored / m.M0 : 0;
  }
  return m;
}

Decomposition AlkireFosterByGroup(const Standard& s, const std::vector<Household>& households,
                                  const std::vector<std::string>& groups, double k,
                                  bool dual_cutoff) {
  MeasuresAccumulator all(s, k, dual_cutoff);
  std::map<std::string, MeasuresAccumulator> by;
  for (size_t i = 0; i < households.size(); ++i) {
    all.Add(households[i]);
    const std::string& g = i < groups.size() ? groups[i] : std::string();
    by.try_emplace(g, s, k, dual_cutoff).first->second.Add(households[i]);
  }
  Decomposition d;
  d.total = all.Result();
  for (auto& [name, acc] : by) {
    GroupMeasures g{name, acc.Result(), 0, 0};
    if (d.total.n > 0)
      g.population_share = static_cast<double>(g.m.n) / static_cast<double>(d.total.n);
    if (d.total.M0 > 0) g.share = g.population_share * g.m.M0 / d.total.M0;
    d.groups.push_back(std::move(g));
  }
  return d;
}

Measures AlkireFoster(const Standard& s, const std::vector<Household>& households, double k,
                      bool dual_cutoff) {
  MeasuresAccumulator acc(s, k, dual_cutoff);
  for (const Household& h : households) acc.Add(h);
  return acc.Result();
}

}  // namespace kientao::poverty
