#pragma once
// The household registry in the database: every SQL statement on the poverty module's tables.
// Each function takes the caller's connection, so a write and its audit entry share one
// transaction. Throws store::DbError on database failure.
#include <optional>
#include <string>
#include <vector>

#include "modules/poverty/domain/household.hpp"
#include "store/db.hpp"

namespace kientao::poverty {

struct HouseholdRow {
  long long id = 0, commune_id = 0;
  HouseholdDraft d;  // as held, members in their order
  std::string updated_by, updated_at;
};

class PovertyStore {
 public:
  static long long InsertHousehold(store::Conn& c, long long commune_id, const HouseholdDraft& d,
                                   const std::string& by, const std::string& at);
  static std::optional<HouseholdRow> Household(store::Conn& c, long long id);
  // The commune's active households, with their members, by village and code.
  static std::vector<HouseholdRow> Households(store::Conn& c, long long commune_id);
  static bool CodeTaken(store::Conn& c, long long commune_id, const std::string& code);
  // The household holding this citizen ID in the commune, if any.
  static std::optional<long long> HouseholdOfCitizen(store::Conn& c, long long commune_id,
                                                     const std::string& citizen_id);
};

}  // namespace kientao::poverty
