#pragma once
// The procedure catalogue and the dossier register as users work with them: each operation checks
// the actor's permission and scope, validates, writes in one transaction with its audit entry, and
// throws kientao::Error (nothing written) when refused. Thread-safe.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/calendar.hpp"
#include "base/principal.hpp"
#include "modules/services/domain/index766.hpp"
#include "modules/services/store/services_store.hpp"
#include "store/db.hpp"

namespace kientao::org {
class OrgService;
}

namespace kientao::services {

struct ImportResult {
  int created = 0;
  int updated = 0;
  int unchanged = 0;  // rows equal to what is held: nothing written, nothing audited
};

// A step after receipt (domain/steps.hpp): its code, the day it took effect (today when absent),
// and what the step needs (a reason, the civil servant, an extension's new appointment).
struct StepEntry {
  std::string step;
  std::optional<Date> on;
  std::string reason;
  std::string handler;
  std::optional<Date> new_due_on;
};

// How steps move the appointment (rules/nd-118-2025-steps.toml).
struct StepClock {
  bool supplement_restarts_clock = true;
  bool verified = false;
};

// A dossier received at the counter: the due date is computed from the procedure.
struct CounterEntry {
  std::string code;
  long long procedure_id = 0;
  long long unit_id = 0;
  std::string applicant_name;
  std::string citizen_id;
  std::string received_time;
  Channel channel = Channel::kCounter;
  bool full_process_online = false;
  std::string handler;
};

// A receiving unit the actor may see.
struct ServiceUnit {
  long long id = 0;
  long long commune_id = 0;
  std::string code;
  std::string name;
  std::string path;
  int depth = 0;
};

struct Stats {
  Date from, to;
  StatsCounts counts;
  StatsRates rates;
  std::vector<ServicesStore::MonthRow> months;
  std::vector<ServicesStore::ProcedureRow> procedures;  // most received first
  // The same summed by sector (the procedure's field), most received first.
  std::vector<ServicesStore::ProcedureRow> sectors;
  std::vector<ServicesStore::HandlerRow> handlers;  // most returned first
};

struct DossierPage {
  std::vector<DossierRow> rows;
  long long total = 0;
};

class ServicesService {
 public:
  // `calendar`: the working-day calendar the appointment dates are counted on.
  ServicesService(store::Database& db, org::OrgService& org, const WorkingCalendar& calendar)
      : db_(db), org_(org), calendar_(calendar) {}

  // Units the actor holds `permission` at, with a commune, in tree order.
  std::vector<ServiceUnit> Units(const Actor& a, std::string_view permission);

  std::vector<Procedure> ListProcedures(const Actor& a);
  Procedure GetProcedure(const Actor& a, long long id);  // SVC-8001 when missing or out of scope
  // CSV with the columns code, name, online_level, handling_days (and optionally sector, fee; any
  // other column is kept with the procedure). The procedures of `commune_code`'s catalogue ("" =
  // the actor's commune). A code already held updates that procedure. Every row is checked first;
  // any problem throws SVC-8011 with every problem by row and column, and nothing is written.
  ImportResult ImportProceduresCsv(const Actor& a, std::string_view bytes, std::string_view charset,
                                   const std::string& commune_code);
  // CSV with the columns code, procedure_code, received_on, channel, full_process_online, due_on,
  // returned_on (optionally unit_code, applicant_name, citizen_id, status, fee_paid_online,
  // handler; others kept). Received by `commune_code` ("" = the actor's commune), or by the row's
  // unit_code. A code already held updates that dossier; all or nothing as above.
  ImportResult ImportDossiersCsv(const Actor& a, std::string_view bytes, std::string_view charset,
                                 const std::string& commune_code);

  DossierRow GetDossier(const Actor& a, long long id);  // SVC-8002 when missing or out of scope
  std::vector<DossierEvent> Events(const Actor& a, long long id);
  // The applicant's unmasked citizen ID; writes a read_full audit entry.
  std::string ReadCitizenId(const Actor& a, long long id);
  DossierPage ListDossiers(const Actor& a, DossierFilter f);
  // The register as the filter selects it, every page, up to `max_rows` (newest first).
  DossierPage ExportDossiers(const Actor& a, DossierFilter f, long long max_rows);
  // The token of the dossier's lookup page, for its slip (given on the first slip).
  std::string SlipToken(const Actor& a, long long id);
  // The dossier behind a slip's QR code, for the applicant (no sign-in): nullopt for a token that
  // is not one. Callers show only what the slip shows.
  std::optional<DossierRow> Lookup(const std::string& token);
  // The dossier of a link another module signed (the survey behind the slip's QR code), for the
  // applicant (no sign-in): nullopt when there is none. Callers show only what the slip shows.
  std::optional<DossierRow> PublicDossier(long long id);
  // The dossier `code` of the actor's commune; SVC-8002 when none is in scope.
  DossierRow FindByCode(const Actor& a, const std::string& code);
  // What the slip's QR code opens, as a path for the dossier's id: set at start by a module that
  // offers the applicant more than the lookup (the satisfaction survey); the lookup otherwise.
  void SetSlipLink(std::function<std::string(const Actor& a, long long id)> link) {
    slip_link_ = std::move(link);
  }
  // The path the slip of dossier `id` links to.
  std::string SlipPath(const Actor& a, long long id);
  // The receiving unit's name and its commune's ("Trung tâm Phục vụ hành chính công", "Xã Lạc
  // Phương"), for the slip.
  std::pair<std::string, std::string> UnitNames(const Actor& a, long long unit_id);
  // The name of the commune the actor reads dossiers in ("Xã Lạc Phương"), for documents.
  std::string CommuneName(const Actor& a);
  // Receives a dossier today; returns its id.
  long long Receive(const Actor& a, const CounterEntry& e);
  // The appointment date a dossier of `procedure_id` received today gets.
  Date DueDateToday(const Actor& a, long long procedure_id);
  // Records the result returned to the applicant on `on`; SVC-8025 for a refused or withdrawn
  // dossier.
  void ReturnResult(const Actor& a, long long id, Date on);
  // The commune's remembered column mappings (the import page's choices and the mapping screen).
  std::vector<ColumnMapping> Mappings(const Actor& a);
  // Saves a mapping for the actor's commune (services.import): every problem at once (GEN-0034,
  // domain/import_names ValidateMapping), audited.
  void SaveMapping(const Actor& a, const ColumnMapping& m);
  // The dossier import read through the saved mapping `source` (SVC-8031 when there is none); the
  // file's bytes decoded as ImportDossiersCsv does.
  ImportResult ImportDossiersMapped(const Actor& a, std::string_view bytes,
                                    std::string_view charset, const std::string& source);
  // The same through a mapping given now (the mapping screen); with `remember`, the mapping is
  // checked first (every problem at once, nothing imported) and saved once the import succeeded.
  ImportResult ImportDossiersWith(const Actor& a, std::string_view bytes, std::string_view charset,
                                  const ColumnMapping& m, bool remember);
  // Decision 766's groups over [from, to] for the actor's scope, from the statistics, the catalogue
  // and (when the survey module supplies it) the dossiers rated not satisfied.
  struct Score766 {
    Index766 index;
    Stats stats;
    std::optional<long long> dissatisfied;  // nullopt without the survey module
  };
  Score766 Index766For(const Actor& a, Date from, Date to);
  void SetIndex766Rules(Index766Rules r) { rules766_ = std::move(r); }
  const Index766Rules& index766_rules() const { return rules766_; }
  // How many dossiers of the actor's scope were rated not satisfied by answers given in [from, to]
  // (the survey module installs it).
  void SetDissatisfiedCount(std::function<long long(const Actor&, Date, Date)> count) {
    dissatisfied_ = std::move(count);
  }
  // Records a step after receipt: SVC-8024 for an unknown step, SVC-8025 when the dossier's status
  // does not allow it, and every problem of the entry at once (a missing reason, civil servant or
  // new appointment, a day before receipt or to come, an extension not after the appointment).
  void RecordStep(const Actor& a, long long id, const StepEntry& e);
  void SetStepClock(StepClock c) { step_clock_ = c; }
  const StepClock& step_clock() const { return step_clock_; }

  // The statistics of the dossiers in the actor's scope (or under `unit_code`, and of
  // `procedure_code` when given) over [from, to]. SVC-8021 when from is after to or the span
  // exceeds 5 years.
  Stats Statistics(const Actor& a, Date from, Date to, const std::string& unit_code,
                   const std::string& procedure_code);

 private:
  // A counter entry's unit and procedure, and the problems found with them.
  struct CounterCheck {
    std::optional<ServiceUnit> unit;
    std::string commune_code;
    std::optional<Procedure> procedure;
    std::vector<FieldError> problems;
  };
  CounterCheck CheckCounterEntry(const Actor& a, const CounterEntry& e);
  DossierDraft CounterDraft(const CounterEntry& e, const CounterCheck& k, Date today) const;
  long long CommuneFor(store::Conn& c, const Actor& a, const std::string& commune_code,
                       std::string_view permission);
  store::Database& db_;
  org::OrgService& org_;
  const WorkingCalendar& calendar_;
  std::function<std::string(const Actor&, long long)> slip_link_;
  StepClock step_clock_;
  Index766Rules rules766_;
  std::function<long long(const Actor&, Date, Date)> dissatisfied_;
  // The dossier when the actor may write at its receiving unit; GEN-0017 otherwise.
  DossierRow Writable(const Actor& a, long long id);
};

}  // namespace kientao::services
