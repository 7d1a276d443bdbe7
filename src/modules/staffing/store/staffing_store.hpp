#pragma once
// Staffing quotas, streamlining candidates and deferrals in the database: every SQL statement on
// the module's tables. Each function takes the caller's connection, so a write and its audit entry
// share one transaction. Throws store::DbError on database failure.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "store/db.hpp"

namespace kientao::staffing {

struct QuotaRow {
  long long unit_id = 0;
  int year = 0, quota = 0;
};

// A streamlining candidate as stored.
struct CandidateRow {
  long long id = 0, commune_id = 0, staff_id = 0;
  std::string ground, note;
  Date leave_on;
  std::string regime;
  double salary = 0;
  int insured_months = 0;
  bool within_12_months = true;
};

struct DeferralRow {
  long long id = 0, staff_id = 0;
  std::string kind, note;
  Date from;
  std::optional<Date> to;
};

class StaffingStore {
 public:
  static std::optional<int> Quota(store::Conn& c, long long unit_id, int year);
  static std::vector<QuotaRow> Quotas(store::Conn& c, int from_year, int to_year);
  // Replaces the unit's quota of the year.
  static void SetQuota(store::Conn& c, long long unit_id, int year, int quota,
                       const std::string& by, const std::string& at);

  // Each candidate's staff id and planned day of leaving, those with a deferral in force on that
  // day left out; of one commune and between two days when given.
  static std::map<long long, Date> PlannedLeavers(store::Conn& c, long long commune_id = 0,
                                                  std::optional<Date> from = std::nullopt,
                                                  std::optional<Date> to = std::nullopt);
  // The commune's candidates planned to leave by `cut` (deferred or not).
  static std::vector<long long> PlannedBy(store::Conn& c, long long commune_id, Date cut);
  static std::vector<CandidateRow> Candidates(store::Conn& c);  // by day of leaving
  static std::optional<CandidateRow> Candidate(store::Conn& c, long long id);
  static bool IsListed(store::Conn& c, long long staff_id);
  static long long InsertCandidate(store::Conn& c, const CandidateRow& r, const std::string& by,
                                   const std::string& at);
  static void DeleteCandidate(store::Conn& c, long long id);

  // The kind of the first deferral in force for the person on `on`.
  static std::optional<std::string> ActiveDeferral(store::Conn& c, long long staff_id, Date on);
  static std::vector<DeferralRow> Deferrals(store::Conn& c);  // newest first
  static long long InsertDeferral(store::Conn& c, const DeferralRow& d, const std::string& by,
                                  const std::string& at);
};

}  // namespace kientao::staffing
