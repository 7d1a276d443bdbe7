#pragma once
// The household registry's operations: each checks the actor's permission and the village's scope
// (a village head: their village only), validates every field at once, writes in one transaction
// with its audit entry, and throws kientao::Error (nothing written) when refused. A household's
// class is never typed: it is derived from its members' and house's facts (domain/deprivation)
// and classified under the standard of the year's review (and, for the 2028 goal, under the
// standard in force in 2028).
#include <optional>
#include <string>
#include <vector>

#include "base/principal.hpp"
#include "modules/poverty/domain/household.hpp"
#include "modules/poverty/service.hpp"
#include "modules/poverty/store/poverty_store.hpp"
#include "store/db.hpp"

namespace kientao::poverty {

struct HouseholdView {
  HouseholdRow row;
  std::string village_name;
  int year = 0;                           // the review year classified
  std::vector<Deprivation> deprivations;  // under that year's standard
  // Absent when no rule file gives a standard for the year (after 2030 until one is added).
  std::optional<YearClassification> classification;
  std::vector<Deprivation> deprivations_2028;  // under the standard of the 2028 review
  std::optional<StandardClassification> in_2028;
};

class RegistryService {
 public:
  RegistryService(store::Database& db, const PovertyService& standards)
      : db_(db), standards_(standards) {}

  long long Create(const Actor& a, const HouseholdDraft& d);
  HouseholdView Get(const Actor& a, long long id);  // POV-1012 when missing or out of scope
  std::vector<HouseholdView> List(const Actor& a);  // the villages the actor may read

  static constexpr int kGoalYear = 2028;

 private:
  HouseholdView Classified(HouseholdRow row, std::string village_name) const;
  store::Database& db_;
  const PovertyService& standards_;
};

}  // namespace kientao::poverty
