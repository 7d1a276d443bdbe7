#pragma once
// Procedures, dossiers and their timelines in the database. Every function takes the caller's
// connection so a write and its audit entry share one transaction. Throws store::DbError on
// database failure.
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "modules/services/domain/dossier.hpp"
#include "modules/services/domain/handlers.hpp"
#include "modules/services/domain/import_names.hpp"
#include "store/db.hpp"

namespace kientao::services {

struct DossierRow {
  long long id = 0;
  long long commune_id = 0;
  DossierDraft d;
  std::string procedure_code;
  std::string procedure_name;
  std::string sector;  // the procedure's
  OnlineLevel online_level = OnlineLevel::kNone;
  std::string extra;         // JSON object of an import's other columns
  std::string public_token;  // the applicant's lookup (the slip's QR code); "" until a slip is made
};

struct DossierFilter {
  std::vector<long long> unit_ids;  // receiving units in scope; empty = none
  std::string query;                // code or applicant name, without diacritics
  std::string status;               // "" = any
  long long procedure_id = 0;       // 0 = any
  std::optional<Date> from, to;     // received in [from, to]
  int offset = 0;
  int limit = 50;
};

struct DossierEvent {
  std::string at;
  std::string kind;
  std::string note;
  std::string actor;
  std::string form;            // the Circular 03/2025 form the step issued ("02"), or ""
  std::optional<Date> day;     // the day the step took effect, when typed
  std::optional<Date> due_on;  // the appointment the step set (an extension)
};

// The statistics' selection: dossiers of these receiving units (and of one procedure code, "" =
// any).
struct StatsQuery {
  std::vector<long long> unit_ids;
  std::string procedure_code;
  Date from, to;
};

class ServicesStore {
 public:
  static std::vector<Procedure> ListProcedures(store::Conn& c,
                                               const std::vector<long long>& commune_ids);
  static std::optional<Procedure> GetProcedure(store::Conn& c, long long id);
  static std::optional<Procedure> FindProcedure(store::Conn& c, long long commune_id,
                                                const std::string& code);
  static long long InsertProcedure(store::Conn& c, long long commune_id, const ProcedureDraft& p,
                                   const std::string& extra, const std::string& by);
  static void UpdateProcedure(store::Conn& c, long long id, const ProcedureDraft& p,
                              const std::string& extra, const std::string& by);

  static std::optional<DossierRow> GetDossier(store::Conn& c, long long id);
  static std::optional<DossierRow> FindByToken(store::Conn& c, const std::string& token);
  // The dossier's lookup token, given now if it has none.
  static std::string SlipToken(store::Conn& c, long long id);
  static std::optional<long long> FindDossier(store::Conn& c, long long commune_id,
                                              const std::string& code);
  // Every dossier code of the commune, with its id.
  static std::unordered_map<std::string, long long> DossierCodes(store::Conn& c,
                                                                 long long commune_id);
  // Every dossier of the commune.
  static std::vector<DossierRow> CommuneDossiers(store::Conn& c, long long commune_id);
  // The daily counts (services_daily) that many new dossiers add, summed in memory and written
  // at once: an import's thousands of rows touch a few hundred days.
  class DailyTally {
   public:
    DailyTally();
    ~DailyTally();
    DailyTally(const DailyTally&) = delete;
    DailyTally& operator=(const DailyTally&) = delete;
    void Add(long long commune_id, const DossierDraft& d);
    void Write(store::Conn& c);  // adds the sums to services_daily and starts again from zero

   private:
    struct Sums;
    std::unique_ptr<Sums> sums_;
  };
  // A new dossier's row as InsertDossiers writes it (the columns' values), built ahead of the
  // write: an import builds them on the thread that reads the file. Its daily counts go to
  // `tally`, which the caller writes before the transaction ends.
  static std::vector<store::Value> NewDossierRow(long long commune_id, const DossierDraft& d,
                                                 const std::string& extra, const std::string& by,
                                                 const std::string& at, DailyTally& tally);
  // Many new dossiers in bulk, each row from NewDossierRow.
  static void InsertDossiers(store::Conn& c, const std::vector<std::vector<store::Value>>& rows);
  static long long InsertDossier(store::Conn& c, long long commune_id, const DossierDraft& d,
                                 const std::string& extra, const std::string& by);
  // `old` as held (the daily counts move from it to `d`).
  static void UpdateDossier(store::Conn& c, long long id, long long commune_id,
                            const DossierDraft& old, const DossierDraft& d,
                            const std::string& extra, const std::string& by);
  // Newest received first; `total` is the number matching before paging.
  static std::vector<DossierRow> ListDossiers(store::Conn& c, const DossierFilter& f,
                                              long long* total);

  static void AddEvent(store::Conn& c, long long dossier_id, const std::string& kind,
                       const std::string& note, const std::string& by);
  // The remembered column mappings of a commune's sources, by source name.
  static std::vector<ColumnMapping> Mappings(store::Conn& c, long long commune_id);
  static void SaveMapping(store::Conn& c, long long commune_id, const ColumnMapping& m,
                          const std::string& by);
  // A step after receipt (domain/steps.hpp), with its reason, form, day and new appointment.
  static void AddStep(store::Conn& c, long long dossier_id, const DossierEvent& e);
  static std::vector<DossierEvent> Events(store::Conn& c, long long dossier_id);

  static StatsCounts Counts(store::Conn& c, const StatsQuery& q);
  // Per month of receipt over [from, to] ("YYYY-MM" → counts of received, full-process online,
  // received under full procedures), and per month of return (resolved, early + on time).
  struct MonthRow {
    std::string month;
    long long received = 0, full_process_online = 0, received_full_procedures = 0;
    long long resolved = 0, in_time = 0;
  };
  static std::vector<MonthRow> ByMonth(store::Conn& c, const StatsQuery& q);
  // Per procedure over [from, to]: received, full-process online, returned and of them by the
  // appointment date, and late; procedures with neither received nor returned are left out.
  struct ProcedureRow {
    std::string code, name, sector;
    OnlineLevel online_level = OnlineLevel::kNone;
    long long received = 0, full_process_online = 0, resolved = 0, in_time = 0, late = 0;
  };
  static std::vector<ProcedureRow> ByProcedure(store::Conn& c, const StatsQuery& q);
  // Per civil servant handling ("" = not recorded): received, returned, of them by the
  // appointment date, and late.
  struct HandlerRow {
    std::string handler;
    long long received = 0, resolved = 0, in_time = 0, late = 0;
  };
  static std::vector<HandlerRow> ByHandler(store::Conn& c, const StatsQuery& q);
  // Every dossier of the commune returned in [from, to], by the handler's name as recorded.
  static std::vector<HandlerCounts> ReturnedByHandler(store::Conn& c, long long commune_id,
                                                      Date from, Date to);
};

}  // namespace kientao::services
