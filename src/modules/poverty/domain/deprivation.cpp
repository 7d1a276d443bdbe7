#include "modules/poverty/domain/deprivation.hpp"

#include <functional>

namespace kientao::poverty {

int AgeOn(Date birth, Date on) {
  int age = on.year() - birth.year();
  if (on.month() < birth.month() || (on.month() == birth.month() && on.day() < birth.day())) --age;
  return age;
}

namespace {

double Param(const Indicator& i, const char* key, double fallback) {
  auto it = i.params.find(key);
  return it == i.params.end() ? fallback : it->second;
}

using Rule = std::function<std::optional<std::vector<size_t>>(
    const Indicator&, const std::vector<Member>&, const std::vector<int>& ages, const HouseFacts&)>;

// The members for whom `test(member, age)` holds; nullopt when none (not deprived).
template <typename F>
std::optional<std::vector<size_t>> Any(const std::vector<Member>& m, const std::vector<int>& ages,
                                       F test) {
  std::vector<size_t> who;
  for (size_t i = 0; i < m.size(); ++i)
    if (test(m[i], ages[i])) who.push_back(i);
  if (who.empty()) return std::nullopt;
  return who;
}

std::optional<std::vector<size_t>> House(bool deprived) {
  if (!deprived) return std::nullopt;
  return std::vector<size_t>{};
}

const std::map<std::string, Rule>& Rules() {
  static const std::map<std::string, Rule> kRules = {
      {"employment",
       [](const Indicator& i, auto& m, auto& ages, auto&) {
         int lo = static_cast<int>(Param(i, "min_age", 15)),
             hi = static_cast<int>(Param(i, "max_age", 60));
         return Any(m, ages, [&](const Member& x, int age) {
           return age >= lo && age <= hi &&
                  (x.work == Work::kUnemployed || x.work == Work::kWageWithoutContract);
         });
       }},
      {"dependants",
       [](const Indicator& i, auto& m, auto& ages, auto&) -> std::optional<std::vector<size_t>> {
         int child = static_cast<int>(Param(i, "child_max_age", 15));
         std::vector<size_t> who;
         for (size_t k = 0; k < m.size(); ++k)
           if (ages[k] <= child || m[k].monthly_social_allowance) who.push_back(k);
         if (m.empty() || static_cast<double>(who.size()) / static_cast<double>(m.size()) <=
                              Param(i, "max_share", 0.5))
           return std::nullopt;
         return who;
       }},
      {"nutrition",
       [](const Indicator& i, auto& m, auto& ages, auto&) {
         int child = static_cast<int>(Param(i, "max_child_age", 15));
         return Any(m, ages,
                    [&](const Member& x, int age) { return age <= child && x.malnourished; });
       }},
      {"health_insurance",
       [](const Indicator& i, auto& m, auto& ages, auto&) {
         int lo = static_cast<int>(Param(i, "min_age", 6));
         return Any(m, ages,
                    [&](const Member& x, int age) { return age >= lo && !x.health_insurance; });
       }},
      {"adult_education",
       [](const Indicator& i, auto& m, auto& ages, auto&) {
         int lo = static_cast<int>(Param(i, "min_age", 16)),
             hi = static_cast<int>(Param(i, "max_age", 30));
         return Any(m, ages, [&](const Member& x, int age) {
           return age >= lo && age <= hi && !x.qualified;
         });
       }},
      {"school_attendance",
       [](const Indicator& i, auto& m, auto& ages, auto&) {
         int lo = static_cast<int>(Param(i, "min_age", 3)),
             hi = static_cast<int>(Param(i, "max_age", 15));
         return Any(m, ages, [&](const Member& x, int age) {
           return age >= lo && age <= hi && !x.in_school;
         });
       }},
      {"housing_quality",
       [](auto&, auto&, auto&, const HouseFacts& h) { return House(!h.durable_house); }},
      {"floor_area",
       [](const Indicator& i, auto& m, auto&, const HouseFacts& h) {
         return House(!m.empty() && h.floor_area_m2 / static_cast<double>(m.size()) <
                                        Param(i, "min_m2_per_person", 8));
       }},
      {"water", [](auto&, auto&, auto&, const HouseFacts& h) { return House(!h.safe_water); }},
      {"latrine",
       [](auto&, auto&, auto&, const HouseFacts& h) { return House(!h.hygienic_latrine); }},
      {"telecom",
       [](auto&, auto& m, auto&, auto&) {
         bool any = false;
         for (const Member& x : m) any = any || x.uses_internet;
         return House(!any);
       }},
      {"information_access",
       [](auto&, auto&, auto&, const HouseFacts& h) {
         return House(h.information_assets.empty());
       }},
      {"waste", [](auto&, auto&, auto&, const HouseFacts& h) { return House(!h.waste_treated); }},
  };
  return kRules;
}

}  // namespace

std::vector<Deprivation> DeriveDeprivations(const Standard& s, const std::vector<Member>& members,
                                            const HouseFacts& house, Date on,
                                            std::vector<std::string>* underived) {
  std::vector<int> ages;
  ages.reserve(members.size());
  for (const Member& m : members) ages.push_back(AgeOn(m.birth, on));
  std::vector<Deprivation> out;
  for (const Indicator& i : s.indicators) {
    auto rule = Rules().find(i.code);
    if (rule == Rules().end()) {
      if (underived) underived->push_back(i.code);
      continue;
    }
    if (auto who = rule->second(i, members, ages, house)) out.push_back({i.code, std::move(*who)});
  }
  return out;
}

}  // namespace kientao::poverty
