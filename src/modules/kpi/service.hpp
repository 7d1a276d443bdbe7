#pragma once
// KPI evaluation of civil servants (Decree 335/2025) over the store: the product catalogue of each
// unit (versioned), assignments (entered, imported from CSV, or taken from the directive module's
// sub-tasks with a responsible person), completion reported by the civil servant and confirmed by
// someone else, the head's general-criteria score per period, the period score, the unit ranking,
// and the annual rating with its quota check. Thread-safe.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "base/period.hpp"
#include "base/principal.hpp"
#include "modules/kpi/domain/meeting.hpp"
#include "modules/kpi/domain/scoring.hpp"
#include "modules/org/service.hpp"
#include "store/db.hpp"

namespace kientao::kpi {

struct Product {
  long long id = 0, unit_id = 0;
  std::string position;  // "" = every position of the unit
  std::string code, name, measure;
  double factor = 1;
  int version = 1;
  std::string valid_from;
};

struct ProductDraft {
  long long unit_id = 0;
  std::string position, code, name, measure;
  double factor = 1;
};

struct Assignment {
  long long id = 0, staff_id = 0, unit_id = 0, product_id = 0, task_id = 0;
  std::string staff_name, title, product_name, measure, source, assigned_by, status, report_note,
      reviewed_by, review_note;
  double factor = 1, quantity = 1;
  Date assigned_on, deadline;
  std::optional<Date> completed_on;
  bool meets_requirements = true, objective_cause = false;
  int major_errors = 0, delays = 0;
  double Weight() const { return factor * quantity; }
};

struct AssignmentDraft {
  long long staff_id = 0, product_id = 0;
  double quantity = 1;
  std::string title;
  Date assigned_on, deadline;
};

struct ReviewDraft {
  bool confirm = true;  // false: returned to the civil servant
  bool meets_requirements = true;
  int major_errors = 0, delays = 0;
  bool objective_cause = false;
  std::string note;
};

// What another registry says about one person's work in a period, shown beside the KPI score and
// never part of it (Decree 335/2025 scores the assigned products): "dossiers returned on time: 47
// of 50".
struct PersonEvidence {
  std::string source;     // "services.on_time"
  std::string label_key;  // catalogue key naming what is counted
  long long count = 0, of = 0;
  // The registry names people by their name only, and two people of the commune share this one:
  // no figures, since they could be either's.
  bool ambiguous = false;
  std::string href;  // the page the figures come from
};

// A registry that counts people's work, registered by the module that owns it
// (KpiService::AddEvidenceSource, in its manifest's start).
class EvidenceSource {
 public:
  virtual ~EvidenceSource() = default;
  // For those of `people` (all of commune `commune_id`) the registry holds something about in
  // [from, to], by staff id.
  virtual std::map<long long, PersonEvidence> For(store::Conn& c, long long commune_id,
                                                  const std::vector<const org::Staff*>& people,
                                                  Date from, Date to) = 0;
};

// One person's period.
struct PersonScore {
  long long staff_id = 0, unit_id = 0;
  std::string name, position, unit_name;
  std::string period;             // "2026M11"
  std::vector<Assignment> items;  // filled for one person's view (ScorePerson), not for lists
  int count = 0;                  // products due in the period
  WeightSums sums;                // what the score was computed from
  std::optional<double> general;  // the head's score, when given
  std::string general_note;
  std::optional<std::string> absence;  // the reason, when the period is an absence
  Direction direction = Direction::kNone;
  PeriodScore score;
  int pending = 0;                       // reported, awaiting confirmation
  std::vector<PersonEvidence> evidence;  // from the other registries, beside the score
};

struct RatingLine {
  long long staff_id = 0, unit_id = 0;
  std::string name, position, unit_name, group;  // group: "leaders" or "specialists"
  double average = 0;
  int periods = 0;  // scored periods counted (absences left out)
  std::optional<std::string> veto_reason, veto_decision;
  Rating rating = Rating::kNotCompleted;
  double income = 0;
};

struct QuotaCheck {
  std::string scope;  // a unit's name, or a position group's code
  bool is_group = false;
  int excellent = 0, good = 0;
  bool ok = true;
};

struct RatingList {
  int year = 0;
  long long commune_id = 0;
  std::vector<RatingLine> lines;
  std::vector<QuotaCheck> checks;
  bool quota_ok = true;
  std::optional<std::string> exception_reason, exception_decision;
  bool approved = false;
  std::string approved_by, approved_at;
  bool window_open = false;
  Date opens, due, latest;
};

// Staff rated under Decree 335 at the commune: cadres and civil servants.
bool IsRated(const org::Staff& s);

class KpiService {
 public:
  KpiService(store::Database& db, org::OrgService& org, const KpiRules& rules)
      : db_(db), org_(org), rules_(rules) {}
  const KpiRules& rules() const { return rules_; }

  // For the staffing plan (no permission of its own: the caller filters by its scope). The annual
  // ratings' averages of the years from_year … to_year − 1, by person and year.
  std::map<long long, std::map<int, double>> AnnualAverages(int from_year, int to_year) const;
  // The people rated "not completed" in from_year … to_year (person, year), newest year first.
  std::vector<std::pair<long long, int>> NotCompletedIn(int from_year, int to_year) const;

  // The unit's current catalogue (kpi.read or kpi.review over the unit, or one's own unit).
  std::vector<Product> Products(const Actor& a, long long unit_id);
  // kpi.review over the unit. A code already in the catalogue makes a new version and retires the
  // old one (assignments keep the factor they were given). Returns the new row's id.
  long long SaveProduct(const Actor& a, const ProductDraft& d);
  // Monthly or quarterly monitoring for a unit (kpi.review over it).
  void SetPeriodKind(const Actor& a, long long unit_id, PeriodType kind);
  PeriodType PeriodKindOf(long long unit_id);
  PeriodType PeriodKindOfStaff(long long staff_id);  // of the person's unit (month when unknown)

  // kpi.review over the assignee's unit; KPI-7004 to oneself; KPI-7003 deadline before assignment.
  long long Assign(const Actor& a, const AssignmentDraft& d);
  // CSV with columns staff_id, product_code, quantity, title, assigned_on, deadline. Every row is
  // checked first; any problem refuses the file (KPI-7013 with each problem) and writes nothing.
  // `bytes` as sent and their declared charset (base/csv.hpp).
  int ImportAssignments(const Actor& a, std::string_view bytes, std::string_view charset = "");
  // The civil servant reports the work done (only the assignee; KPI-7003 before the assignment,
  // KPI-7015 in the future, KPI-7008 when already confirmed).
  void ReportDone(const Actor& a, long long id, Date completed_on, const std::string& note);
  // The head confirms or returns a reported completion (kpi.review over the unit, never one's own:
  // KPI-7004; the objective cause only by the assigner: KPI-7010).
  void Review(const Actor& a, long long id, const ReviewDraft& d);
  // The head's general-criteria score (0–30, KPI-7001) for a person and period; not one's own.
  void SetGeneral(const Actor& a, long long staff_id, const Period& p, double score,
                  const std::string& note);
  // A period of absence (leave, sickness, maternity), left out of the annual average.
  void SetAbsence(const Actor& a, long long staff_id, const Period& p, const std::string& reason);

  // Called at start, before any request: another module's count of people's work.
  void AddEvidenceSource(std::unique_ptr<EvidenceSource> source);

  // One person's period: oneself, or kpi.read/kpi.review over the person's unit.
  PersonScore ScorePerson(const Actor& a, long long staff_id, const Period& p);
  // Everyone rated in the unit's subtree (a commune: all of it), highest total first.
  std::vector<PersonScore> ScoreUnit(const Actor& a, long long unit_id, const Period& p);
  // Completions reported to the actor for confirmation (kpi.review scope, never one's own).
  std::vector<Assignment> ReviewQueue(const Actor& a);

  RatingList Ratings(const Actor& a, long long commune_id, int year);
  // kpi.rate over the commune.
  void SetVeto(const Actor& a, long long staff_id, int year, const std::string& reason,
               const std::string& decision);
  void RecordQuotaException(const Actor& a, long long commune_id, int year,
                            const std::string& reason, const std::string& decision);
  // The rating meeting of the year, as its minutes record it (kpi.rate over the commune): every
  // problem of the form at once (KPI-7013 with one detail per field), nothing written on any.
  void RecordRatingMeeting(const Actor& a, long long commune_id, int year, const MeetingDraft& d);
  std::optional<Meeting> RatingMeeting(const Actor& a, long long commune_id, int year);
  // Final approval: KPI-7005 outside the year's window, KPI-7009 while the quota check fails
  // without a recorded exception, KPI-7012 when already approved.
  void ApproveRatings(const Actor& a, long long commune_id, int year);

  // The commune of the actor's staff record, else of the first grant (0 when none).
  long long ActorCommune(const Actor& a);
  std::string CommuneName(long long commune_id);
  // The calendar days of a monitoring period (a month or a quarter).
  static std::pair<Date, Date> Days(const Period& p);
  // Rewrites every person's monthly sums from the products (after a bulk load, or when the rule
  // file's deduction rates changed).
  void RebuildOutcomes(store::Conn& c);
  // At start: rebuilds the monthly sums when they were computed with other deduction rates.
  void EnsureOutcomes();
  // A person moved to another commune takes their monthly sums and general scores along (registered
  // with the org module; runs in its transaction).
  static void StaffMoved(store::Conn& c, long long staff_id, long long to_commune_id);

 private:
  // Sub-tasks of the directive module with a responsible person and a deadline become
  // assignments; a task marked done is reported done on its completion date.
  void SyncTasks(store::Conn& c, long long commune_id);
  // Rewrites one person's sums for the month of `deadline` ("2026-11-…"), in the caller's
  // transaction.
  void Recount(store::Conn& c, long long staff_id, const std::string& deadline);
  // The commune's cadres and civil servants in post (the list stays alive while `hold` does).
  std::vector<const org::StaffRow*> RatedPeople(long long commune_id,
                                                std::shared_ptr<const org::StaffList>& hold);
  // Everyone's score from the products grouped by outcome (one row per person and outcome, so a
  // city is read quickly); the items in full only for `detail_staff`.
  std::vector<PersonScore> Score(store::Conn& c, const std::vector<const org::StaffRow*>& people,
                                 long long commune_id, const Period& p, long long detail_staff = 0);
  // The same for several periods at once (the annual rating), reading each table once; without
  // `with_names` only the ids and scores are filled.
  std::map<std::string, std::vector<PersonScore>> ScoreMany(
      store::Conn& c, const std::vector<const org::StaffRow*>& people, long long commune_id,
      const std::vector<Period>& periods, long long detail_staff = 0, bool with_names = true);

  // Each source's evidence for `scores` (people of one commune), in the order sources were added.
  void AddEvidence(store::Conn& c, const std::vector<const org::StaffRow*>& people,
                   long long commune_id, const Period& p, std::vector<PersonScore>& scores);

  store::Database& db_;
  org::OrgService& org_;
  const KpiRules& rules_;
  std::vector<std::unique_ptr<EvidenceSource>> evidence_;
};

}  // namespace kientao::kpi
