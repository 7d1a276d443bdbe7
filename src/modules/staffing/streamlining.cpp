#include "modules/staffing/streamlining.hpp"

#include "base/rule_file.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "base/access.hpp"
#include "base/clock.hpp"
#include "base/json_writer.hpp"
#include "base/text.hpp"
#include "modules/staffing/errors.hpp"
#include "modules/staffing/permissions.hpp"
#include "modules/staffing/store/staffing_store.hpp"
#include "store/audit_log.hpp"
#include "store/scope.hpp"

namespace kientao::staffing {

using store::Conn;
using store::Tx;

const std::vector<Ground>& Grounds() {
  static const std::vector<Ground> kGrounds = {
      {"surplus_restructuring", 1, false, true}, {"leader_lower_post", 2, false, true},
      {"leader_stopped", 3, false, true},        {"surplus_position", 4, true, true},
      {"training_standard", 5, false, false},    {"not_completed", 6, true, true},
      {"completed_and_other", 7, false, false},  {"health", 8, false, false},
  };
  return kGrounds;
}

bool IsGround(const std::string& code) {
  for (auto& g : Grounds())
    if (code == g.code) return true;
  return false;
}

const std::vector<std::string>& DeferralKinds() {
  static const std::vector<std::string> kKinds = {"pregnancy", "maternity", "child_under_36m",
                                                  "discipline", "investigation"};
  return kKinds;
}

RankingRules RankingRules::Load(std::string_view text) {
  // One parse through base/rule_file: a missing weight or a key this rule does not know is refused
  // with the file and the key named.
  RuleFile f = RuleFile::Parse(text, "ranking.toml");
  RankingRules r;
  r.article = f.Text("article");
  r.verified = f.Flag("verified");
  r.years = static_cast<int>(f.Whole("years"));
  for (const char* group : {"leaders", "specialists"}) {
    std::vector<double> w;
    for (const char* k : {"last", "second", "third"})
      w.push_back(f.Number(std::string("weights.") + group + "." + k));
    w.resize(static_cast<size_t>(r.years), 0);
    r.weights[group] = w;
  }
  f.RefuseUnknownKeys();
  return r;
}

namespace {

struct StaffRef {
  long long id = 0, unit_id = 0, commune_id = 0;
  std::string path;
  Date start_date;
};

std::optional<StaffRef> LoadStaff(Conn& c, long long id) {
  auto r = org::OrgStore::GetStaff(c, id);
  if (!r) return std::nullopt;
  return StaffRef{r->staff.id, r->staff.unit_id, r->staff.commune_id, r->unit_path,
                  r->staff.start_date};
}

StaffRef StaffFor(Conn& c, const Actor& a, long long id) {
  auto s = LoadStaff(c, id);
  if (!s || !access::Permits(a.who, access::kStaffingPlan, s->path))
    throw Error(errors::kStaffNotFound, "staff_id", {{"id", std::to_string(id)}});
  return *s;
}

int MonthsBetween(Date from, YearMonth to) {
  // Whole months from `from` to the end of the retirement month.
  return (to.year - from.year()) * 12 + (to.month - from.month()) + 1;
}

std::string GroupOf(const kpi::KpiRules& r, const std::string& position) {
  return kpi::DirectionOf(r, position) == kpi::Direction::kNone ? "specialists" : "leaders";
}

}  // namespace

std::optional<std::string> StreamliningService::ActiveDeferral(Conn& c, long long staff_id,
                                                               Date on) {
  return StaffingStore::ActiveDeferral(c, staff_id, on);
}

Candidate StreamliningService::Estimate(const org::StaffRow& row, Candidate c) const {
  Retirement r =
      RetirementOf(retirement_, row.staff.sex == org::Sex::kFemale, row.staff.birth_date);
  c.retirement_month = r.retirement_month;
  c.months_early = std::max(0, MonthsBetween(c.leave_on, r.retirement_month));
  BenefitInput in{c.salary, c.months_early, c.insured_months, c.within_12_months};
  c.estimate = EstimateBenefits(benefits_, c.estimate.regime, in);
  c.after_validity = c.leave_on.ToIso() > benefits_.until;
  return c;
}

long long StreamliningService::AddCandidate(const Actor& a, const CandidateDraft& d) {
  if (!IsGround(d.ground)) throw Error(errors::kGround, "ground", {{"value", d.ground}});
  std::string note = text::Nfc(text::NormalizeSpace(d.note));
  if (text::CodePointCount(note) > 500) throw Error(gen_errors::kTooLong, "note", {{"max", "500"}});
  if (d.leave_on.year() < 2026 || d.leave_on.year() > 2031)
    throw Error(errors::kPlanYear, "leave_on", {{"value", d.leave_on.ToVn()}});
  if (d.salary < 0 || d.salary > 1e9) throw Error(errors::kNegativeInput, "salary");
  if (d.insured_months && (*d.insured_months < 0 || *d.insured_months > 600))
    throw Error(errors::kNegativeInput, "insured_months");
  Conn c = db_.Lease();
  Tx tx(c);
  StaffRef s = StaffFor(c, a, d.staff_id);
  if (auto why = ActiveDeferral(c, s.id, std::max(clock::Today(), d.leave_on)))
    throw Error(errors::kDeferred, "staff_id", {{"kind", *why}});
  if (StaffingStore::IsListed(c, s.id))
    throw Error(errors::kDeferred, "staff_id", {{"kind", "listed"}});
  int insured = d.insured_months.value_or(0);
  if (!d.insured_months) {
    Date from = s.start_date;
    insured =
        std::max(0, (d.leave_on.year() - from.year()) * 12 + d.leave_on.month() - from.month());
  }
  CandidateRow row;
  row.commune_id = s.commune_id;
  row.staff_id = s.id;
  row.ground = d.ground;
  row.note = note;
  row.leave_on = d.leave_on;
  row.regime = std::string(RegimeCode(d.regime));
  row.salary = d.salary;
  row.insured_months = insured;
  row.within_12_months = d.within_12_months;
  long long id = StaffingStore::InsertCandidate(c, row, a.audit_name, clock::NowIsoVn());
  store::AppendAudit(c, a, "propose", "staff", std::to_string(s.id), s.commune_id, std::nullopt,
                     JsonObject()
                         .Str("ground", d.ground)
                         .Str("leave_on", d.leave_on.ToIso())
                         .Str("regime", std::string(RegimeCode(d.regime)))
                         .Build());
  tx.Commit();
  return id;
}

void StreamliningService::RemoveCandidate(const Actor& a, long long id) {
  Conn c = db_.Lease();
  Tx tx(c);
  auto r = StaffingStore::Candidate(c, id);
  if (!r) throw Error(errors::kStaffNotFound, "id", {{"id", std::to_string(id)}});
  StaffRef s = StaffFor(c, a, r->staff_id);
  StaffingStore::DeleteCandidate(c, id);
  store::AppendAudit(c, a, "withdraw", "staff", std::to_string(s.id), s.commune_id,
                     JsonObject().Str("ground", r->ground).Build(), std::nullopt);
  tx.Commit();
}

long long StreamliningService::AddDeferral(const Actor& a, long long staff_id,
                                           const std::string& kind, Date from,
                                           std::optional<Date> to, const std::string& note) {
  if (std::find(DeferralKinds().begin(), DeferralKinds().end(), kind) == DeferralKinds().end())
    throw Error(gen_errors::kInvalidValue, "kind", {{"value", kind}});
  if (to && *to < from) throw Error(errors::kDeferralDates, "to_date", {{"value", to->ToVn()}});
  std::string n = text::Nfc(text::NormalizeSpace(note));
  if (text::CodePointCount(n) > 300) throw Error(gen_errors::kTooLong, "note", {{"max", "300"}});
  Conn c = db_.Lease();
  Tx tx(c);
  StaffRef s = StaffFor(c, a, staff_id);
  DeferralRow row;
  row.staff_id = s.id;
  row.kind = kind;
  row.from = from;
  row.to = to;
  row.note = n;
  long long id = StaffingStore::InsertDeferral(c, row, a.audit_name, clock::NowIsoVn());
  store::AppendAudit(c, a, "defer", "staff", std::to_string(s.id), s.commune_id, std::nullopt,
                     JsonObject().Str("kind", kind).Str("from", from.ToIso()).Build());
  tx.Commit();
  return id;
}

std::vector<RankLine> StreamliningService::Ranking(const Actor& a, int year) {
  auto list = org_.ListStaff(a, {});
  std::map<long long, std::map<int, double>> averages =
      ratings_.AnnualAverages(year - ranking_.years, year);
  std::vector<RankLine> out;
  for (auto& row : list->rows) {
    if (!UnderQuota(row.staff) || row.staff.status != org::StaffStatus::kActive) continue;
    RankLine l;
    l.staff_id = row.staff.id;
    l.unit_id = row.staff.unit_id;
    l.name = row.staff.full_name;
    l.position = row.staff.position;
    l.unit_name = row.unit_name;
    l.group = GroupOf(kpi_, l.position);
    const auto& w = ranking_.weights.at(l.group);
    double sum = 0, weight = 0;
    for (int i = 0; i < ranking_.years; ++i) {
      auto it = averages[l.staff_id].find(year - 1 - i);
      if (it == averages[l.staff_id].end()) {
        l.by_year.push_back(std::nullopt);
        continue;
      }
      l.by_year.push_back(it->second);
      sum += w[static_cast<size_t>(i)] * it->second;
      weight += w[static_cast<size_t>(i)];
    }
    if (weight > 0) l.points = sum / weight;
    out.push_back(std::move(l));
  }
  // Highest first; those without any rated year at the end.
  std::stable_sort(out.begin(), out.end(), [](const RankLine& x, const RankLine& y) {
    return x.points.value_or(-1) > y.points.value_or(-1);
  });
  return out;
}

std::string StreamliningService::CommuneName(const Actor& a) {
  return org_.ActorCommuneName(a, access::kStaffingPlan);
}

StreamliningView StreamliningService::View(const Actor& a, int year) {
  StreamliningView v;
  v.year = year;
  auto list = org_.ListStaff(a, {});
  std::map<long long, const org::StaffRow*> rows;
  for (auto& r : list->rows) rows[r.staff.id] = &r;
  Conn c = db_.Lease();
  Date today = clock::Today();
  std::set<long long> listed;
  for (const CandidateRow& r : StaffingStore::Candidates(c)) {
    auto it = rows.find(r.staff_id);
    if (it == rows.end() || !access::Permits(a.who, access::kStaffingPlan, it->second->unit_path))
      continue;
    Candidate cand;
    cand.id = r.id;
    cand.staff_id = r.staff_id;
    cand.unit_id = it->second->staff.unit_id;
    cand.name = it->second->staff.full_name;
    cand.position = it->second->staff.position;
    cand.unit_name = it->second->unit_name;
    cand.ground = r.ground;
    cand.note = r.note;
    cand.leave_on = r.leave_on;
    cand.estimate.regime = ParseRegime(r.regime).value_or(Regime::kNd154Early);
    cand.salary = r.salary;
    cand.insured_months = r.insured_months;
    cand.within_12_months = r.within_12_months;
    cand.deferred = ActiveDeferral(c, cand.staff_id, std::max(today, cand.leave_on));
    cand = Estimate(*it->second, cand);
    listed.insert(cand.staff_id);
    if (!cand.deferred) {
      v.budget[cand.leave_on.year()] += cand.estimate.total;
      ++v.leaving[cand.leave_on.year()];
    }
    v.candidates.push_back(std::move(cand));
  }
  for (const DeferralRow& r : StaffingStore::Deferrals(c)) {
    auto it = rows.find(r.staff_id);
    if (it == rows.end() || !access::Permits(a.who, access::kStaffingPlan, it->second->unit_path))
      continue;
    Deferral d;
    d.id = r.id;
    d.staff_id = r.staff_id;
    d.name = it->second->staff.full_name;
    d.kind = r.kind;
    d.from = r.from;
    d.to = r.to;
    d.note = r.note;
    v.deferrals.push_back(std::move(d));
  }
  // Suggestions from the data, for people not listed yet.
  auto suggest = [&](const org::StaffRow& row, std::string ground, std::string evidence) {
    if (listed.count(row.staff.id)) return;
    Suggestion s{row.staff.id,  row.staff.full_name, row.staff.position,
                 row.unit_name, std::move(ground),   std::move(evidence)};
    listed.insert(row.staff.id);
    if (auto why = ActiveDeferral(c, row.staff.id, today))
      v.deferred.push_back({std::move(s), *why});
    else
      v.suggestions.push_back(std::move(s));
  };
  // Ground 6: rated "not completed" in the year under review or the year before (approved).
  for (auto [staff_id, rated_year] : ratings_.NotCompletedIn(year - 1, year)) {
    auto it = rows.find(staff_id);
    if (it == rows.end() || !access::Permits(a.who, access::kStaffingPlan, it->second->unit_path))
      continue;
    suggest(*it->second, "not_completed",
            fmt::format("Xếp loại không hoàn thành nhiệm vụ năm {}", rated_year));
  }
  // Ground 4: a unit over its quota in the year, filled from the bottom of the ranking.
  Plan plan = plans_.BuildPlan(a, year, year);
  auto ranking = Ranking(a, year);
  for (auto& u : plan.units) {
    if (u.years.empty() || !u.years[0].gap || *u.years[0].gap <= 0) continue;
    int surplus = *u.years[0].gap;
    for (auto& cand : v.candidates)
      if (cand.unit_id == u.unit_id && cand.leave_on.year() <= year && !cand.deferred) --surplus;
    for (auto it = ranking.rbegin(); it != ranking.rend() && surplus > 0; ++it) {
      // Only people with KPI scores can be ranked (public employees are rated under another
      // decree).
      if (it->unit_id != u.unit_id || listed.count(it->staff_id) || !it->points) continue;
      auto row = rows.find(it->staff_id);
      if (row == rows.end() ||
          !access::Permits(a.who, access::kStaffingPlan, row->second->unit_path))
        continue;
      size_t before = v.suggestions.size();
      suggest(*row->second, "surplus_position",
              fmt::format("{} thừa {} người so với biên chế năm {}; điểm xếp hạng {}", u.unit_name,
                          *u.years[0].gap, year,
                          it->points ? text::VnNumber(*it->points, 2) : std::string("—")));
      if (v.suggestions.size() > before) --surplus;
    }
  }
  return v;
}

}  // namespace kientao::staffing
