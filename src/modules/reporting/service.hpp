#pragma once
// Periodic reports as the commune works them: forms, each unit's report per period through its
// workflow (draft → submitted → returned or approved; corrections as new versions), completeness
// and timeliness with reminders, and the commune's consolidated report built from the approved
// reports and the rolled-up indicators, numbered when issued. Every call checks the actor's
// permission over the unit, validates before writing, and writes with its audit entry in one
// transaction. Thread-safe.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "base/period.hpp"
#include "base/principal.hpp"
#include "modules/indicator/service.hpp"
#include "modules/reporting/domain/workflow.hpp"
#include "modules/reporting/reporting_rules.hpp"
#include "store/db.hpp"

namespace kientao::reporting {

struct Form {
  long long id = 0;
  long long commune_id = 0;
  std::string code;
  std::string name;
  PeriodType period_type = PeriodType::kMonth;
  int deadline_working_days = 2;  // send deadline: N working days after the period's cut-off
  std::vector<indicator::Definition> indicators;
  std::vector<std::pair<long long, std::string>> units;  // (id, name) that must report
  std::vector<int> key_nos;                              // key tasks with a narrative section
  std::set<std::string> required;  // indicator codes that must have a value before sending
};

struct Narrative {
  std::string results;
  std::string difficulties;
  std::string proposals;
};

struct ValuePart {
  double numerator = 0;
  std::optional<double> denominator;
};

struct EnteredValue {
  double numerator = 0;
  std::optional<double> denominator;
  // Disaggregated: the value per combination ("female/15-59"); the total is their sum.
  std::map<std::string, ValuePart> parts;
  bool total_given = true;  // false: the total is to be taken from the parts
};

struct Submission {
  long long id = 0;  // 0: nothing saved yet
  long long form_id = 0;
  long long unit_id = 0;
  std::string unit_name;
  long long commune_id = 0;
  std::string period_id;
  int version = 1;
  SubmissionStatus status = SubmissionStatus::kDraft;
  std::string justification;
  std::string return_reason;
  long long submitted_by = 0;
  std::string submitted_by_name;
  std::optional<Date> first_submitted_on;
  std::string submitted_at;  // ISO date-time, "" when never
  std::string decided_by_name;
  std::string decided_at;
  std::map<long long, EnteredValue> values;  // indicator id → value
  std::map<int, Narrative> narratives;       // key task → narrative
  std::map<std::string, std::string> typed;  // form field → text kept as typed (Draft::typed)
};

// What a reporter sends: values by indicator code, narratives by key task.
struct Draft {
  std::map<std::string, EnteredValue> values;
  std::map<int, Narrative> narratives;
  std::string justification;  // why failed validation rules are right anyway
  // Form fields ("v_POOR_HH", "pv_…") whose text could not be kept as a value, exactly as typed: a
  // draft keeps them (marked on the form); submitting refuses them (REP-4031).
  std::map<std::string, std::string> typed;
  // The sending this draft came from (the form page's key; "" = none): a second sending with the
  // same key is answered with the report as it is, and writes nothing.
  std::string request_key;
};

struct UnitStatus {
  long long unit_id = 0;
  std::string unit_name;
  std::optional<Submission> current;  // latest version
  bool on_time = false;
  int reminders = 0;
};

struct FormStatus {
  Form form;
  Period period;
  Date deadline;
  Completeness completeness;
  std::vector<UnitStatus> units;
};

// One indicator at the commune for a period, with every unit's value.
struct IndicatorLine {
  indicator::Definition def;
  // Disaggregated indicators: (combination label, numerator sum, denominator sum) over approved
  // reports.
  std::vector<std::tuple<std::string, double, double>> parts;
  std::optional<double> value;
  std::optional<double> numerator;
  std::optional<double> denominator;
  std::optional<double> target;
  std::string source;
};

struct CommuneReport {
  long long id = 0;
  long long commune_id = 0;
  std::string commune_name;
  std::string period_id;
  std::string status;  // "draft" or "issued"
  int doc_year = 0;
  int doc_no = 0;
  std::optional<Date> issued_on;
  std::string subject;
  std::string signer;
  std::string signer_authority;         // "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"
  std::string signer_title;             // "PHÓ CHỦ TỊCH", "CHỦ TỊCH"
  std::string recipients;               // one per line
  std::map<int, std::string> sections;  // key task → body text (paragraphs by line)
  std::vector<IndicatorLine> indicators;
  int approved_reports = 0;
};

struct ReportHeader {
  std::string subject;
  std::string signer;
  std::string signer_authority;
  std::string signer_title;
  std::string recipients;
};

// A number the Vietnamese way: "." groups thousands, "," marks decimals (at most `decimals`,
// trailing zeros dropped): 1234567.5 → "1.234.567,5".
std::string VnNumber(double v, int decimals);
// The commune report's number as issued: "02/BC-UBND" (No. 2 of the year, Decree 30 form).
std::string ReportNumber(int doc_no);

struct ImportOutcome {
  long long package_id = 0;
  bool changed = false;  // false: the same package was already imported
  std::string commune_name;
  std::string period_id;
  std::string doc_number;
};

// One commune in the city's view of a period.
struct CityCommune {
  long long commune_id = 0;
  std::string name;
  int expected = 0;  // reports of the commune's units (this installation's data)
  int received = 0;
  int on_time = 0;
  std::string report_status;  // "none", "draft", "issued", "imported"
  std::string doc_number;     // "02/BC-UBND" once issued or imported
  long long report_id = 0;    // the local consolidated report, 0 when none
};

struct CityOverview {
  std::string city_name;
  std::vector<CityCommune> communes;
  std::vector<IndicatorLine> indicators;  // rolled up over the communes
};

struct IndicatorCatalogue {
  std::vector<indicator::Definition> definitions;
  std::vector<indicator::ValidationRule> rules;
  std::map<long long, double> targets;  // indicator id → the commune's target for the period
};

class ReportService {
 public:
  ReportService(store::Database& db, indicator::IndicatorService& indicators,
                const ReportingRules& rules)
      : db_(db), indicators_(indicators), rules_(rules) {}

  // Forms of the communes the actor may read reports of, with the units the actor can see.
  std::vector<Form> Forms(const Actor& a);
  Form GetForm(const Actor& a, long long form_id);  // REP-4004 when missing or out of scope
  long long CreateForm(const Actor& a, const Form& f,
                       const std::vector<std::string>& indicator_codes);
  Date Deadline(const Form& f, const Period& p) const;

  // The unit's latest report for the period, or an empty draft (id 0) when none yet.
  Submission Open(const Actor& a, long long form_id, long long unit_id,
                  const std::string& period_id, Date today);
  std::vector<Submission> Versions(const Actor& a, long long form_id, long long unit_id,
                                   const std::string& period_id);
  // Saves the draft (creating version 1 when none); REP-4005 unit not on the form, REP-4013 period
  // not open yet, REP-4012 indicator not on the form, IND-50xx bad value, REP-4007/4008 wrong
  // status.
  Submission Save(const Actor& a, long long form_id, long long unit_id,
                  const std::string& period_id, const Draft& d, Date today);
  // Every problem of the draft at once, without writing: each value that is not valid on its own
  // (field = the indicator's code), each text kept as typed (REP-4031, field = the form field) and,
  // when submitting without a justification, each failed validation rule (REP-4011-RULE, field
  // "rule.<id>", param "fields" = the codes it reads, comma-separated).
  std::vector<FieldError> Problems(const Actor& a, long long form_id, const Draft& d, bool submit);
  // Saves and submits; failed validation rules refuse it (REP-4011, each rule in the details)
  // unless a justification is written. A draft with several problems is refused with the first
  // one's code and every problem in the details.
  Submission Submit(const Actor& a, long long form_id, long long unit_id,
                    const std::string& period_id, const Draft& d, Date today);
  void Return(const Actor& a, long long submission_id, const std::string& reason, Date today);
  void Approve(const Actor& a, long long submission_id, Date today);
  // A correction of an approved report: a new draft version with the same values.
  Submission Reopen(const Actor& a, long long submission_id, Date today);
  Submission GetSubmission(const Actor& a, long long submission_id);

  FormStatus Status(const Actor& a, long long form_id, const std::string& period_id);
  // Reminds the given units (all missing ones when empty); returns how many were reminded.
  int Remind(const Actor& a, long long form_id, const std::string& period_id,
             std::vector<long long> unit_ids, Date today);
  // Open reminders for the units the actor reports for: (form name, period id, sent at).
  std::vector<std::tuple<long long, std::string, std::string, std::string>> Reminders(
      const Actor& a);

  // The commune's indicators for the period from its approved reports and the providers.
  std::vector<IndicatorLine> CommuneIndicators(const Actor& a, long long commune_id,
                                               const std::string& period_id);
  // Builds (or rebuilds, while a draft) the commune's report for the period.
  long long Consolidate(const Actor& a, long long commune_id, const std::string& period_id,
                        Date today);
  CommuneReport GetReport(const Actor& a, long long report_id);
  std::optional<long long> FindReport(const Actor& a, long long commune_id,
                                      const std::string& period_id);
  void EditReport(const Actor& a, long long report_id, const ReportHeader& h,
                  const std::map<int, std::string>& sections);
  // Gives the report its number (from 01 each year for BC) and locks it.
  void Issue(const Actor& a, long long report_id, Date on);
  // The issued report as the JSON package a city installation imports, and its indicator values as
  // ADX XML (IHE QRPH ADX, period as start/duration). REP-4021 while it is not issued.
  std::string ExportPackage(const Actor& a, long long report_id);
  std::string ExportAdx(const Actor& a, long long report_id);
  // Imports a commune's package (a city installation): validated first (REP-4019 with every problem
  // listed, REP-4018 for a commune this installation does not hold or the actor's scope does not
  // cover); importing the same package again changes nothing; a newer one replaces the old.
  ImportOutcome ImportPackage(const Actor& a, std::string_view package);
  // Every commune in the actor's scope for the period: reports received, the commune report's
  // state, and the indicators rolled up to the city (imported packages, else local data).
  CityOverview City(const Actor& a, const std::string& period_id);
  // The indicator catalogue, with the commune's targets for the period when the actor may read the
  // commune.
  IndicatorCatalogue Catalogue(const Actor& a, long long commune_id, const std::string& period_id);
  // New indicators and validation rules are system-wide: administrators (users.admin). IND-5008 bad
  // code, IND-5009 code taken, IND-5005 bad expression, IND-5006 unknown indicator in a rule.
  long long DefineIndicator(const Actor& a, const indicator::Definition& d);
  // Deletes a rule: an administrator over the rule's scope (the installation's: a top-level
  // administrator); REP-4034 when missing; audited with its commune.
  void DeleteRule(const Actor& a, long long rule_id);
  // A rule belongs to the administrator's scope: a commune administrator's checks only their
  // commune's reports; a top-level administrator's, every report.
  long long AddRule(const Actor& a, const std::string& name_vi, const std::string& left,
                    indicator::Operator op, const std::string& right);
  // A target for a unit and period (report.approve over the unit): not negative, a percent ≤ 100.
  void SetTarget(const Actor& a, const std::string& code, long long unit_id,
                 const std::string& period_id, double target);
  // Active units of the commune (not the commune itself), for choosing who reports on a form.
  std::vector<std::pair<long long, std::string>> CommuneUnits(const Actor& a, long long commune_id);
  // The commune the actor works in (first grant with one), 0 when none.
  long long ActorCommune(const Actor& a);

 private:
  std::vector<Error> FailedRules(store::Conn& c, const Form& f, const Draft& d);
  // The form with all its units; their paths into `unit_paths` when given.
  Form LoadForm(store::Conn& c, long long id, std::vector<std::string>* unit_paths = nullptr);
  std::optional<Form> FormFor(store::Conn& c, const Actor& a, long long id);
  std::optional<Submission> Latest(store::Conn& c, long long form_id, long long unit_id,
                                   const std::string& period_id);
  Submission LoadSubmission(store::Conn& c, long long id);
  Submission ForDecision(store::Conn& c, const Actor& a, long long submission_id);
  void WriteContent(store::Conn& c, long long submission_id, const Form& f, const Draft& d);
  Submission Write(const Actor& a, long long form_id, long long unit_id,
                   const std::string& period_id, const Draft& d, Date today, bool submit);
  Submission SaveIn(store::Conn& c, const Actor& a, const Form& f, long long unit_id,
                    const Period& p, const Draft& d, Date today, bool submit);
  std::string UnitPath(store::Conn& c, long long unit_id);
  std::vector<IndicatorLine> IndicatorsIn(store::Conn& c, long long commune_id, const Period& p);

  store::Database& db_;
  indicator::IndicatorService& indicators_;
  const ReportingRules& rules_;
};

}  // namespace kientao::reporting
