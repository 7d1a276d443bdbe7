#pragma once
// The streamlining plan (Decree 154/2025): candidates with their legal ground, the day they leave,
// the regime chosen and the benefit estimate (each figure with its formula and rule); the grounds
// the data can show (rated "not completed" in the year or the year before; a unit's surplus over
// its quota, filled from the bottom of the multi-year ranking); the deferral cases, excluded and
// shown why; the multi-year ranking from the KPI annual ratings; the budget per year. Thread-safe.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "base/principal.hpp"
#include "modules/kpi/domain/scoring.hpp"
#include "modules/kpi/service.hpp"
#include "modules/org/service.hpp"
#include "modules/staffing/domain/benefits.hpp"
#include "modules/staffing/domain/retirement.hpp"
#include "modules/staffing/plan.hpp"
#include "store/db.hpp"

namespace kientao::staffing {

// Decree 154/2025 art. 2(1) grounds, by code; `from_data` when the software can show it.
struct Ground {
  const char* code;
  int n;  // its number in the article's list
  bool from_data;
  bool verified;
};
const std::vector<Ground>& Grounds();
bool IsGround(const std::string& code);

// Deferral cases (not streamlined now).
const std::vector<std::string>&
DeferralKinds();  // pregnancy, maternity, child_under_36m, discipline, investigation

struct RankingRules {
  std::string article;
  bool verified = false;
  int years = 3;
  std::map<std::string, std::vector<double>> weights;  // group → weights, the last year first
  static RankingRules Load(std::string_view toml);
};

struct RankLine {
  long long staff_id = 0, unit_id = 0;
  std::string name, position, unit_name, group;
  std::vector<std::optional<double>> by_year;  // the last year first
  std::optional<double> points;                // out of 100, weights of the rated years only
};

struct Deferral {
  long long id = 0, staff_id = 0;
  std::string name, kind, note;
  Date from;
  std::optional<Date> to;
};

struct CandidateDraft {
  long long staff_id = 0;
  std::string ground, note;
  Date leave_on;
  Regime regime = Regime::kNd154Early;
  double salary = 0;
  std::optional<int> insured_months;  // default: months since the start date
  bool within_12_months = true;
};

struct Candidate {
  long long id = 0, staff_id = 0, unit_id = 0;
  std::string name, position, unit_name, ground, note;
  Date leave_on;
  double salary = 0;
  int insured_months = 0, months_early = 0;
  bool within_12_months = true;
  YearMonth retirement_month;
  BenefitEstimate estimate;
  std::optional<std::string> deferred;  // the deferral case that now applies
  bool after_validity = false;          // leaving after 31/12/2030: no known legal basis
};

struct Suggestion {
  long long staff_id = 0;
  std::string name, position, unit_name, ground, evidence;
};

struct StreamliningView {
  int year = 0;  // the plan year the suggestions are for
  std::vector<Candidate> candidates;
  std::vector<Suggestion> suggestions;
  std::vector<std::pair<Suggestion, std::string>> deferred;  // suggested, but deferred: why
  std::vector<Deferral> deferrals;
  std::map<int, double> budget;  // year → đồng
  std::map<int, int> leaving;    // year → people
};

class StreamliningService {
 public:
  StreamliningService(store::Database& db, org::OrgService& org, StaffingService& plans,
                      const RetirementRule& retirement, const BenefitRules& benefits,
                      const RankingRules& ranking, const kpi::KpiRules& kpi,
                      const kpi::KpiService& ratings)
      : db_(db),
        org_(org),
        plans_(plans),
        retirement_(retirement),
        benefits_(benefits),
        ranking_(ranking),
        kpi_(kpi),
        ratings_(ratings) {}
  const BenefitRules& benefit_rules() const { return benefits_; }
  const RankingRules& ranking_rules() const { return ranking_; }

  // staffing.plan over the staff member's unit. STF-6007 an unknown ground, STF-6009 a day outside
  // 2026–2031, STF-6005 a negative salary or insured months, STF-6008 when a deferral case applies.
  long long AddCandidate(const Actor& a, const CandidateDraft& d);
  void RemoveCandidate(const Actor& a, long long id);
  // STF-6010 when the end is before the start.
  long long AddDeferral(const Actor& a, long long staff_id, const std::string& kind, Date from,
                        std::optional<Date> to, const std::string& note);
  StreamliningView View(const Actor& a, int year);
  std::vector<RankLine> Ranking(const Actor& a, int year);
  // The name of the actor's commune ("" when none), for documents.
  std::string CommuneName(const Actor& a);

 private:
  std::optional<std::string> ActiveDeferral(store::Conn& c, long long staff_id, Date on);
  Candidate Estimate(const org::StaffRow& row, Candidate c) const;

  store::Database& db_;
  org::OrgService& org_;
  StaffingService& plans_;
  const RetirementRule& retirement_;
  const BenefitRules& benefits_;
  const RankingRules& ranking_;
  const kpi::KpiRules& kpi_;
  const kpi::KpiService& ratings_;  // the KPI module's annual ratings, through its service
};

}  // namespace kientao::staffing
