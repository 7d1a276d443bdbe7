#include "modules/reporting/service.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "base/access.hpp"
#include "base/clock.hpp"
#include "base/json_writer.hpp"
#include "base/text.hpp"
#include "http/input.hpp"
#include "modules/auth/permissions.hpp"
#include "modules/documents/docx.hpp"
#include "modules/org/directory.hpp"
#include "modules/reporting/domain/adx.hpp"
#include "modules/reporting/errors.hpp"
#include "modules/reporting/permissions.hpp"
#include "store/audit_log.hpp"
#include "store/digest.hpp"
#include "store/scope.hpp"

namespace kientao::reporting {

using indicator::Definition;
using store::Conn;
using store::Row;
using store::Tx;
using store::Value;

namespace {

const char* kSubmissionCols =
    "s.id, s.form_id, s.unit_id, '', s.commune_id, s.period_id, s.version, s.status, "
    "s.justification, s.return_reason, s.submitted_by, s.submitted_by_name, s.first_submitted_at, "
    "s.submitted_at, s.decided_by_name, s.decided_at FROM submissions s ";

Submission SubmissionFromRow(const Row& r) {
  Submission s;
  s.id = r.Int(0);
  s.form_id = r.Int(1);
  s.unit_id = r.Int(2);
  s.unit_name = r.Str(3);
  s.commune_id = r.Int(4);
  s.period_id = r.Str(5);
  s.version = static_cast<int>(r.Int(6));
  s.status = ParseStatus(r.Str(7)).value_or(SubmissionStatus::kDraft);
  s.justification = r.Str(8);
  s.return_reason = r.Str(9);
  s.submitted_by = r.Int(10);
  s.submitted_by_name = r.Str(11);
  if (!r.IsNull(12)) s.first_submitted_on = Date::ParseIso(r.Str(12).substr(0, 10));
  s.submitted_at = r.Str(13);
  s.decided_by_name = r.Str(14);
  s.decided_at = r.Str(15);
  return s;
}

Period ParsePeriod(const std::string& id) {
  auto p = Period::Parse(id);
  if (!p) throw Error(errors::kUnknownPeriod, "period", {{"value", id}});
  return *p;
}

// A timestamp of `today` in Vietnam's local time (the time of day when today is the real today), so
// its date part is the day that counts for timeliness.
std::string Stamp(Date today) {
  if (today == clock::Today()) return clock::NowIsoVn();
  return today.ToIso() + "T08:00:00+07:00";
}

}  // namespace

std::string VnNumber(double v, int decimals) { return text::VnNumber(v, decimals); }

std::string ReportNumber(int doc_no) { return documents::NumberSymbol(doc_no, "BC"); }

std::string ReportService::UnitPath(Conn& c, long long unit_id) {
  auto u = org::Directory::Unit(c, unit_id);
  return u ? u->path : std::string();
}

namespace {

// Units by id, from the org module's directory.
std::map<long long, org::OrgUnit> UnitsOf(Conn& c, const std::vector<Row>& rows, int column) {
  std::set<long long> ids;
  for (auto& r : rows) ids.insert(r.Int(column));
  return org::Directory::Units(c, ids);
}

}  // namespace

long long ReportService::ActorCommune(const Actor& a) {
  Conn c = db_.Lease();
  return store::ActorCommune(c, a.who, access::kReportRead);
}

Form ReportService::LoadForm(Conn& c, long long id, std::vector<std::string>* unit_paths) {
  auto r = c.QueryOne(
      "SELECT id, commune_id, code, name, period_type, deadline_working_days FROM report_forms "
      "WHERE "
      "id = :1",
      {id});
  if (!r) throw Error(errors::kFormNotFound, "form_id");
  Form f;
  f.id = r->Int(0);
  f.commune_id = r->Int(1);
  f.code = r->Str(2);
  f.name = r->Str(3);
  f.period_type = ParsePeriodType(r->Str(4)).value_or(PeriodType::kMonth);
  f.deadline_working_days = static_cast<int>(r->Int(5));
  // The form's indicators, in its order, as the indicator catalogue defines them.
  std::map<long long, Definition> defs;
  for (Definition& d : indicators_.Definitions(c)) defs.emplace(d.id, std::move(d));
  for (auto& row : c.Query("SELECT indicator_id, required FROM report_form_indicators WHERE "
                           "form_id = :1 ORDER BY position",
                           {id})) {
    auto it = defs.find(row.Int(0));
    if (it == defs.end()) continue;  // a foreign key: cannot happen
    if (row.Int(1) != 0) f.required.insert(it->second.code);
    f.indicators.push_back(it->second);
  }
  // The form's units in post, in tree order.
  auto on_form = c.Query("SELECT unit_id FROM report_form_units WHERE form_id = :1", {id});
  std::vector<org::OrgUnit> units;
  for (auto& [uid, u] : UnitsOf(c, on_form, 0))
    if (u.active()) units.push_back(u);
  std::sort(units.begin(), units.end(), [](auto& x, auto& y) { return x.path < y.path; });
  for (auto& u : units) {
    f.units.emplace_back(u.id, u.name);
    if (unit_paths) unit_paths->push_back(u.path);
  }
  for (auto& row :
       c.Query("SELECT key_no FROM report_form_tasks WHERE form_id = :1 ORDER BY key_no", {id}))
    f.key_nos.push_back(static_cast<int>(row.Int(0)));
  return f;
}

// The form as the actor sees it (only the units in scope), or nullopt when none is.
std::optional<Form> ReportService::FormFor(Conn& c, const Actor& a, long long id) {
  auto form = c.QueryOne("SELECT commune_id FROM report_forms WHERE id = :1", {id});
  if (!form) return std::nullopt;
  auto commune = org::Directory::Unit(c, form->Int(0));
  if (!commune) return std::nullopt;
  std::vector<std::string> paths;
  Form f = LoadForm(c, id, &paths);
  if (access::Permits(a.who, access::kReportRead, commune->path)) return f;
  std::vector<std::pair<long long, std::string>> mine;
  for (size_t i = 0; i < f.units.size(); ++i)
    if (access::Permits(a.who, access::kReportRead, paths[i])) mine.push_back(f.units[i]);
  if (mine.empty()) return std::nullopt;
  f.units = std::move(mine);
  return f;
}

std::vector<Form> ReportService::Forms(const Actor& a) {
  Conn c = db_.Lease();
  // Only forms with a unit in one of the actor's scopes (or of a commune in scope).
  auto scopes = access::ScopePaths(a.who, access::kReportRead);
  if (scopes.empty()) return {};
  auto in_scope = [&](const std::string& path) {
    for (auto& p : scopes)
      if (path.compare(0, p.size(), p) == 0) return true;
    return false;
  };
  auto forms = c.Query("SELECT id, commune_id FROM report_forms");
  auto form_units = c.Query("SELECT form_id, unit_id FROM report_form_units");
  std::set<long long> unit_ids;
  for (auto& r : forms) unit_ids.insert(r.Int(1));
  for (auto& r : form_units) unit_ids.insert(r.Int(1));
  auto units = org::Directory::Units(c, unit_ids);
  auto path = [&](long long id) { return units.count(id) ? units.at(id).path : std::string(); };
  std::set<long long> wanted;
  for (auto& r : forms)
    if (in_scope(path(r.Int(1)))) wanted.insert(r.Int(0));
  for (auto& r : form_units)
    if (in_scope(path(r.Int(1)))) wanted.insert(r.Int(0));
  std::vector<std::pair<std::string, long long>> order;  // (commune path, form)
  for (auto& r : forms)
    if (wanted.count(r.Int(0))) order.emplace_back(path(r.Int(1)), r.Int(0));
  std::sort(order.begin(), order.end());
  std::vector<Form> out;
  for (auto& [commune_path, id] : order)
    if (auto f = FormFor(c, a, id)) out.push_back(std::move(*f));
  return out;
}

Form ReportService::GetForm(const Actor& a, long long form_id) {
  Conn c = db_.Lease();
  auto f = FormFor(c, a, form_id);
  if (!f) throw Error(errors::kFormNotFound, "form_id");
  return *f;
}

long long ReportService::CreateForm(const Actor& a, const Form& f,
                                    const std::vector<std::string>& indicator_codes) {
  Conn c = db_.Lease();
  Tx tx(c);
  if (!access::Permits(a.who, access::kReportApprove, UnitPath(c, f.commune_id)))
    throw Error(gen_errors::kOutOfScope, "commune_id");
  bool code_ok = f.code.size() >= 2 && f.code.size() <= 40;
  for (char ch : f.code)
    code_ok =
        code_ok && ((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_');
  if (!code_ok) throw Error(errors::kFormCode, "code", {{"value", f.code}});
  if (f.name.empty()) throw Error(gen_errors::kRequired, "name");
  if (c.QueryOne("SELECT 1 FROM report_forms WHERE commune_id = :1 AND code = :2",
                 {f.commune_id, f.code}))
    throw Error(errors::kFormCodeTaken, "code", {{"value", f.code}});
  if (f.deadline_working_days < 0 || f.deadline_working_days > 30)
    throw Error(gen_errors::kInvalidValue, "deadline_working_days",
                {{"value", std::to_string(f.deadline_working_days)}});
  if (f.units.empty()) throw Error(gen_errors::kRequired, "unit_ids");
  for (auto& [uid, name] : f.units) {
    auto u = org::Directory::Unit(c, uid);
    if (!u || !u->active() || u->commune_id != f.commune_id)
      throw Error(errors::kUnitNotOnForm, "unit_ids", {{"value", std::to_string(uid)}});
  }
  for (int k : f.key_nos)
    if (k < 1 || k > 10)
      throw Error(errors::kTaskNumber, "key_nos", {{"value", std::to_string(k)}});
  long long id = c.InsertId(
      "INSERT INTO report_forms (commune_id, code, name, period_type, deadline_working_days, "
      "created_at) VALUES (:1, :2, :3, :4, :5, :6) RETURNING id",
      {f.commune_id, f.code, f.name, std::string(PeriodTypeCode(f.period_type)),
       static_cast<long long>(f.deadline_working_days), clock::NowIsoUtc()});
  long long pos = 0;
  for (auto& code : indicator_codes) {
    auto d = indicators_.Find(c, code);
    if (!d || !d->provider.empty())  // computed indicators are not typed into forms
      throw Error(indicator::errors::kIndicatorNotFound, "indicators", {{"value", code}});
    c.Exec(
        "INSERT INTO report_form_indicators (form_id, indicator_id, position, required) VALUES "
        "(:1, :2, :3, :4)",
        {id, d->id, ++pos, static_cast<long long>(f.required.count(code) ? 1 : 0)});
  }
  for (auto& code : f.required)
    if (std::find(indicator_codes.begin(), indicator_codes.end(), code) == indicator_codes.end())
      throw Error(errors::kIndicatorNotOnForm, "required", {{"value", code}});
  for (auto& [uid, name] : f.units)
    c.Exec("INSERT INTO report_form_units (form_id, unit_id) VALUES (:1, :2)", {id, uid});
  for (int k : f.key_nos)
    c.Exec("INSERT INTO report_form_tasks (form_id, key_no) VALUES (:1, :2)",
           {id, static_cast<long long>(k)});
  store::AppendAudit(c, a, "create", "report_form", std::to_string(id), f.commune_id, std::nullopt,
                     JsonObject().Str("code", f.code).Str("name", f.name).Build());
  tx.Commit();
  return id;
}

Date ReportService::Deadline(const Form& f, const Period& p) const {
  return rules_.calendar().AddWorkingDays(p.WindowEnd(), f.deadline_working_days);
}

std::optional<Submission> ReportService::Latest(Conn& c, long long form_id, long long unit_id,
                                                const std::string& period_id) {
  auto r = c.QueryOne(std::string("SELECT ") + kSubmissionCols +
                          "WHERE s.form_id = :1 AND s.unit_id = :2 AND s.period_id = :3 ORDER BY "
                          "s.version DESC LIMIT 1",
                      {form_id, unit_id, period_id});
  if (!r) return std::nullopt;
  return LoadSubmission(c, r->Int(0));
}

Submission ReportService::LoadSubmission(Conn& c, long long id) {
  auto r = c.QueryOne(std::string("SELECT ") + kSubmissionCols + "WHERE s.id = :1", {id});
  if (!r) throw Error(errors::kSubmissionNotFound, "id");
  Submission s = SubmissionFromRow(*r);
  if (auto u = org::Directory::Unit(c, s.unit_id)) s.unit_name = u->name;
  for (auto& v : c.Query("SELECT indicator_id, numerator, denominator FROM report_values WHERE "
                         "submission_id = :1",
                         {id}))
    s.values[v.Int(0)] = EnteredValue{
        v.Num(1), v.IsNull(2) ? std::nullopt : std::optional<double>(v.Num(2)), {}, true};
  for (auto& v :
       c.Query("SELECT indicator_id, combo, numerator, denominator FROM report_value_parts WHERE "
               "submission_id = :1",
               {id}))
    s.values[v.Int(0)].parts[v.Str(1)] =
        ValuePart{v.Num(2), v.IsNull(3) ? std::nullopt : std::optional<double>(v.Num(3))};
  for (auto& n :
       c.Query("SELECT key_no, results, difficulties, proposals FROM report_narratives WHERE "
               "submission_id = :1",
               {id}))
    s.narratives[static_cast<int>(n.Int(0))] = Narrative{n.Str(1), n.Str(2), n.Str(3)};
  for (auto& t :
       c.Query("SELECT field, typed FROM report_typed_entries WHERE submission_id = :1", {id}))
    s.typed[t.Str(0)] = t.Str(1);
  return s;
}

Submission ReportService::Open(const Actor& a, long long form_id, long long unit_id,
                               const std::string& period_id, Date today) {
  (void)today;
  Form f = GetForm(a, form_id);
  Period p = ParsePeriod(period_id);
  if (p.type() != f.period_type)
    throw Error(errors::kPeriodTypeMismatch, "period", {{"value", period_id}});
  bool on_form = false;
  for (auto& u : f.units) on_form = on_form || u.first == unit_id;
  if (!on_form) throw Error(errors::kUnitNotOnForm, "unit_id");
  Conn c = db_.Lease();
  if (auto s = Latest(c, form_id, unit_id, period_id)) return *s;
  Submission s;
  s.form_id = form_id;
  s.unit_id = unit_id;
  for (auto& u : f.units)
    if (u.first == unit_id) s.unit_name = u.second;
  s.commune_id = f.commune_id;
  s.period_id = period_id;
  s.version = 0;
  return s;
}

std::vector<Submission> ReportService::Versions(const Actor& a, long long form_id,
                                                long long unit_id, const std::string& period_id) {
  Open(a, form_id, unit_id, period_id, clock::Today());  // scope and form checks
  Conn c = db_.Lease();
  std::vector<Submission> out;
  for (auto& r : c.Query("SELECT id FROM submissions WHERE form_id = :1 AND unit_id = :2 AND "
                         "period_id = :3 ORDER "
                         "BY version DESC",
                         {form_id, unit_id, period_id}))
    out.push_back(LoadSubmission(c, r.Int(0)));
  return out;
}

void ReportService::WriteContent(Conn& c, long long submission_id, const Form& f, const Draft& d) {
  c.Exec("DELETE FROM report_value_parts WHERE submission_id = :1", {submission_id});
  c.Exec("DELETE FROM report_values WHERE submission_id = :1", {submission_id});
  c.Exec("DELETE FROM report_narratives WHERE submission_id = :1", {submission_id});
  c.Exec("DELETE FROM report_typed_entries WHERE submission_id = :1", {submission_id});
  for (auto& [field, typed] : d.typed)
    c.Exec("INSERT INTO report_typed_entries (submission_id, field, typed) VALUES (:1, :2, :3)",
           {submission_id, field, typed});
  for (auto& [code, v] : d.values) {
    const Definition* def = nullptr;
    for (auto& x : f.indicators)
      if (x.code == code) def = &x;
    c.Exec(
        "INSERT INTO report_values (submission_id, indicator_id, numerator, denominator) VALUES "
        "(:1, :2, :3, :4)",
        {submission_id, def->id, v.numerator,
         v.denominator && indicator::HasDenominator(def->kind) ? Value(*v.denominator) : Value()});
    for (auto& [combo, part] : v.parts)
      c.Exec(
          "INSERT INTO report_value_parts (submission_id, indicator_id, combo, numerator, "
          "denominator) "
          "VALUES (:1, :2, :3, :4, :5)",
          {submission_id, def->id, combo, part.numerator,
           part.denominator && indicator::HasDenominator(def->kind) ? Value(*part.denominator)
                                                                    : Value()});
  }
  for (auto& [k, n] : d.narratives) {
    if (n.results.empty() && n.difficulties.empty() && n.proposals.empty()) continue;
    c.Exec(
        "INSERT INTO report_narratives (submission_id, key_no, results, difficulties, proposals) "
        "VALUES (:1, :2, :3, :4, :5)",
        {submission_id, static_cast<long long>(k), n.results, n.difficulties, n.proposals});
  }
}

namespace {

// Every value and narrative of the draft belongs to the form and is valid on its own; a
// disaggregated value's parts name combinations of the indicator and their sum becomes (or must
// equal) the total. Every problem is collected, not only the first; a value with a problem is left
// as it is.
std::vector<Error> ValueProblems(const Form& f, Draft& d, bool with_typed) {
  std::vector<Error> out;
  for (auto& [code, v] : d.values) {
    try {
      const Definition* def = nullptr;
      for (auto& x : f.indicators)
        if (x.code == code) def = &x;
      if (!def) throw Error(errors::kIndicatorNotOnForm, code, {{"value", code}});
      if (!def->provider.empty()) throw Error(errors::kIndicatorNotOnForm, code, {{"value", code}});
      if (!v.parts.empty()) {
        auto combos = indicator::Combinations(def->categories);
        double num = 0, den = 0;
        bool any_den = false;
        for (auto& [combo, part] : v.parts) {
          bool known = false;
          for (auto& c : combos) known = known || c.first == combo;
          if (!known) throw Error(indicator::errors::kBadCombination, code, {{"value", combo}});
          indicator::CheckValue(*def, part.numerator, part.denominator, code);
          num += part.numerator;
          if (part.denominator) den += *part.denominator, any_den = true;
        }
        auto differs = [](double a, double b) { return std::fabs(a - b) > 1e-9; };
        if (v.total_given && (differs(v.numerator, num) ||
                              (v.denominator && any_den && differs(*v.denominator, den))))
          throw Error(indicator::errors::kTotalNotParts, code,
                      {{"total", VnNumber(v.numerator, 2)}, {"parts", VnNumber(num, 2)}});
        EnteredValue summed = v;
        summed.numerator = num;
        if (any_den) summed.denominator = den;
        summed.total_given = true;
        indicator::CheckValue(*def, summed.numerator, summed.denominator, code);
        v = summed;
        continue;
      }
      indicator::CheckValue(*def, v.numerator, v.denominator, code);
    } catch (const Error& e) {
      out.push_back(e);
    }
  }
  if (with_typed) {  // sending: no entry kept as typed, every required indicator filled
    for (auto& [field, typed] : d.typed)
      out.push_back(Error(errors::kTypedNotAValue, field, {{"value", typed}}));
    for (auto& code : f.required) {
      bool typed_for_it = d.typed.count("v_" + code) > 0;
      if (!d.values.count(code) && !typed_for_it)
        out.push_back(Error(errors::kRequiredValue, code));
    }
  }
  for (auto& [k, n] : d.narratives)
    if (std::find(f.key_nos.begin(), f.key_nos.end(), k) == f.key_nos.end())
      out.push_back(Error(errors::kTaskNumber, "narratives", {{"value", std::to_string(k)}}));
  return out;
}

FieldError AsFieldError(const Error& e) {
  return FieldError{e.field(), std::string(e.code()), e.params(), 0};
}

// The draft's problems as one refusal: a single problem as itself; several with the first one's
// code and every one of them in the details.
[[noreturn]] void Refuse(const std::vector<Error>& problems) {
  if (problems.size() == 1) throw problems.front();
  Error all(problems.front().def(), problems.front().field(), problems.front().params());
  for (auto& p : problems) all.details().push_back(AsFieldError(p));
  throw all;
}

std::function<std::optional<double>(const std::string&)> Lookup(const Form& f, const Draft& d) {
  return [&f, &d](const std::string& name) -> std::optional<double> {
    bool den = name.size() > 4 && name.substr(name.size() - 4) == ".den";
    std::string code = den ? name.substr(0, name.size() - 4) : name;
    auto it = d.values.find(code);
    if (it == d.values.end()) return std::nullopt;
    if (den) return it->second.denominator;
    (void)f;
    return it->second.numerator;
  };
}

}  // namespace

std::vector<Error> ReportService::FailedRules(Conn& c, const Form& f, const Draft& d) {
  std::vector<Error> out;
  for (auto& r : indicators_.Rules(c, UnitPath(c, f.commune_id))) {
    auto res = indicator::Check(r, Lookup(f, d));
    if (res.outcome != indicator::RuleOutcome::kFailed) continue;
    // The indicators the rule reads, so the form shows it beside each of them.
    std::set<std::string> codes;
    for (auto* e : {&r.left, &r.right})
      for (auto& name : e->Names()) codes.insert(name.substr(0, name.find('.')));
    std::string fields;
    for (auto& code : codes) fields += (fields.empty() ? "" : ",") + code;
    out.push_back(Error(errors::kRuleFailed, "rule." + std::to_string(r.id),
                        {{"rule", r.name_vi},
                         {"left", VnNumber(res.left, 2)},
                         {"right", VnNumber(res.right, 2)},
                         {"fields", fields}}));
  }
  return out;
}

std::vector<FieldError> ReportService::Problems(const Actor& a, long long form_id,
                                                const Draft& draft, bool submit) {
  Form f = GetForm(a, form_id);
  Draft d = draft;
  std::vector<FieldError> out;
  for (auto& e : ValueProblems(f, d, submit)) out.push_back(AsFieldError(e));
  if (submit && d.justification.empty()) {
    Conn c = db_.Lease();
    for (auto& e : FailedRules(c, f, d)) out.push_back(AsFieldError(e));
  }
  return out;
}

Submission ReportService::SaveIn(Conn& c, const Actor& a, const Form& f, long long unit_id,
                                 const Period& p, const Draft& draft, Date today, bool submit) {
  bool on_form = false;
  for (auto& u : f.units) on_form = on_form || u.first == unit_id;
  if (!on_form) throw Error(errors::kUnitNotOnForm, "unit_id");
  if (p.type() != f.period_type)
    throw Error(errors::kPeriodTypeMismatch, "period", {{"value", p.Id()}});
  if (p.WindowStart() > today)
    throw Error(errors::kPeriodNotOpen, "period", {{"start", p.WindowStart().ToVn()}});
  if (!access::Permits(a.who, access::kReportSubmit, UnitPath(c, unit_id)))
    throw Error(gen_errors::kOutOfScope, "unit_id");
  if (!draft.request_key.empty())
    if (auto done =
            c.QueryOne("SELECT submission_id FROM report_request_keys WHERE request_key = :1",
                       {draft.request_key}))
      return LoadSubmission(c, done->Int(0));  // already received: a replay writes nothing
  Draft d = draft;
  if (auto problems = ValueProblems(f, d, submit); !problems.empty()) Refuse(problems);
  auto current = Latest(c, f.id, unit_id, p.Id());
  SubmissionStatus from = current ? current->status : SubmissionStatus::kDraft;
  SubmissionStatus to = Transition(from, submit ? Action::kSubmit : Action::kSave);
  if (submit) {
    Error failed(errors::kRulesFailed, "justification");
    for (auto& r : FailedRules(c, f, d)) failed.details().push_back(AsFieldError(r));
    if (!failed.details().empty() && d.justification.empty()) throw failed;
  }
  std::string now = Stamp(today);
  long long id;
  if (!current) {
    id = c.InsertId(
        "INSERT INTO submissions (form_id, unit_id, commune_id, period_id, version, status, "
        "justification, return_reason, created_by, submitted_by, submitted_by_name, "
        "decided_by_name, created_at, updated_at) VALUES (:1, :2, :3, :4, 1, :5, :6, '', :7, 0, "
        "'', '', :8, :8) RETURNING id",
        {f.id, unit_id, f.commune_id, p.Id(), std::string(StatusCode(to)), d.justification,
         a.who.user_id, now});
  } else {
    id = current->id;
    c.Exec("UPDATE submissions SET status = :1, justification = :2, updated_at = :3 WHERE id = :4",
           {std::string(StatusCode(to)), d.justification, now, id});
  }
  WriteContent(c, id, f, d);
  if (!d.request_key.empty())
    c.Exec(
        "INSERT INTO report_request_keys (request_key, submission_id, created_at) VALUES (:1, "
        ":2, :3)",
        {d.request_key, id, now});
  if (submit) {
    c.Exec(
        "UPDATE submissions SET submitted_by = :1, submitted_by_name = :2, submitted_at = :3, "
        "first_submitted_at = COALESCE(first_submitted_at, :3), return_reason = '' WHERE id = :4",
        {a.who.user_id, a.ShownName(), now, id});
  }
  store::AppendAudit(c, a, submit ? "submit" : "save", "report", std::to_string(id), f.commune_id,
                     current ? std::optional<std::string>(
                                   JsonObject().Str("status", StatusCode(current->status)).Build())
                             : std::nullopt,
                     JsonObject()
                         .Str("status", StatusCode(to))
                         .Str("period", p.Id())
                         .Int("unit_id", unit_id)
                         .Int("values", static_cast<long long>(d.values.size()))
                         .Build());
  return LoadSubmission(c, id);
}

Submission ReportService::Write(const Actor& a, long long form_id, long long unit_id,
                                const std::string& period_id, const Draft& d, Date today,
                                bool submit) {
  Form f = GetForm(a, form_id);
  Period p = ParsePeriod(period_id);
  Conn c = db_.Lease();
  Tx tx(c);
  Submission s = SaveIn(c, a, f, unit_id, p, d, today, submit);
  tx.Commit();
  return s;
}

Submission ReportService::Save(const Actor& a, long long form_id, long long unit_id,
                               const std::string& period_id, const Draft& d, Date today) {
  return Write(a, form_id, unit_id, period_id, d, today, false);
}

Submission ReportService::Submit(const Actor& a, long long form_id, long long unit_id,
                                 const std::string& period_id, const Draft& d, Date today) {
  return Write(a, form_id, unit_id, period_id, d, today, true);
}

Submission ReportService::GetSubmission(const Actor& a, long long submission_id) {
  Conn c = db_.Lease();
  Submission s = LoadSubmission(c, submission_id);
  if (!access::Permits(a.who, access::kReportRead, UnitPath(c, s.unit_id)))
    throw Error(errors::kSubmissionNotFound, "id");
  return s;
}

// The report an office member is about to decide on: 404 outside their scope, 403 without the right
// to approve there.
Submission ReportService::ForDecision(Conn& c, const Actor& a, long long submission_id) {
  Submission s = LoadSubmission(c, submission_id);
  std::string path = UnitPath(c, s.unit_id);
  if (!access::Permits(a.who, access::kReportRead, path))
    throw Error(errors::kSubmissionNotFound, "id");
  if (!access::Permits(a.who, access::kReportApprove, path)) throw Error(gen_errors::kForbidden);
  return s;
}

void ReportService::Return(const Actor& a, long long submission_id, const std::string& reason,
                           Date today) {
  if (reason.empty()) throw Error(gen_errors::kRequired, "reason");
  Conn c = db_.Lease();
  Tx tx(c);
  Submission s = ForDecision(c, a, submission_id);
  SubmissionStatus to = Transition(s.status, Action::kReturn);
  CheckNotOwn(s.submitted_by, a.who.user_id);
  c.Exec(
      "UPDATE submissions SET status = :1, return_reason = :2, decided_by_name = :3, decided_at "
      "= :4, updated_at = :4 WHERE id = :5",
      {std::string(StatusCode(to)), reason, a.ShownName(), Stamp(today), submission_id});
  store::AppendAudit(c, a, "return", "report", std::to_string(submission_id), s.commune_id,
                     JsonObject().Str("status", StatusCode(s.status)).Build(),
                     JsonObject().Str("status", StatusCode(to)).Str("reason", reason).Build());
  tx.Commit();
}

void ReportService::Approve(const Actor& a, long long submission_id, Date today) {
  Conn c = db_.Lease();
  Tx tx(c);
  Submission s = ForDecision(c, a, submission_id);
  SubmissionStatus to = Transition(s.status, Action::kApprove);
  CheckNotOwn(s.submitted_by, a.who.user_id);
  c.Exec(
      "UPDATE submissions SET status = :1, decided_by_name = :2, decided_at = :3, updated_at = "
      ":3 WHERE id = :4",
      {std::string(StatusCode(to)), a.ShownName(), Stamp(today), submission_id});
  // The earlier approved version, if any, is replaced by this one.
  c.Exec(
      "UPDATE submissions SET status = 'superseded' WHERE form_id = :1 AND unit_id = :2 AND "
      "period_id = :3 AND version < :4 AND status = 'approved'",
      {s.form_id, s.unit_id, s.period_id, static_cast<long long>(s.version)});
  store::AppendAudit(c, a, "approve", "report", std::to_string(submission_id), s.commune_id,
                     JsonObject().Str("status", StatusCode(s.status)).Build(),
                     JsonObject().Str("status", StatusCode(to)).Int("version", s.version).Build());
  tx.Commit();
}

Submission ReportService::Reopen(const Actor& a, long long submission_id, Date today) {
  Conn c = db_.Lease();
  Tx tx(c);
  Submission s = LoadSubmission(c, submission_id);
  std::string path = UnitPath(c, s.unit_id);
  if (!access::Permits(a.who, access::kReportRead, path))
    throw Error(errors::kSubmissionNotFound, "id");
  if (!access::Permits(a.who, access::kReportSubmit, path) &&
      !access::Permits(a.who, access::kReportApprove, path))
    throw Error(gen_errors::kForbidden);
  Transition(s.status, Action::kReopen);
  auto latest = Latest(c, s.form_id, s.unit_id, s.period_id);
  if (latest->id != s.id)  // a correction is already open
    throw Error(errors::kWrongStatus, "status",
                {{"status", std::string(StatusCode(latest->status))}, {"action", "reopen"}});
  std::string now = Stamp(today);
  long long id = c.InsertId(
      "INSERT INTO submissions (form_id, unit_id, commune_id, period_id, version, status, "
      "justification, return_reason, created_by, submitted_by, submitted_by_name, decided_by_name, "
      "first_submitted_at, created_at, updated_at) VALUES (:1, :2, :3, :4, :5, 'draft', :6, '', "
      ":7, "
      "0, '', '', :8, :9, :9) RETURNING id",
      {s.form_id, s.unit_id, s.commune_id, s.period_id, static_cast<long long>(s.version + 1),
       s.justification, a.who.user_id,
       s.first_submitted_on ? Value(s.first_submitted_on->ToIso()) : Value(), now});
  c.Exec(
      "INSERT INTO report_values (submission_id, indicator_id, numerator, denominator) SELECT :1, "
      "indicator_id, numerator, denominator FROM report_values WHERE submission_id = :2",
      {id, submission_id});
  c.Exec(
      "INSERT INTO report_narratives (submission_id, key_no, results, difficulties, proposals) "
      "SELECT :1, key_no, results, difficulties, proposals FROM report_narratives WHERE "
      "submission_id = :2",
      {id, submission_id});
  c.Exec(
      "INSERT INTO report_value_parts (submission_id, indicator_id, combo, numerator, denominator) "
      "SELECT "
      ":1, indicator_id, combo, numerator, denominator FROM report_value_parts WHERE submission_id "
      "= :2",
      {id, submission_id});
  store::AppendAudit(c, a, "reopen", "report", std::to_string(id), s.commune_id,
                     JsonObject().Int("version", s.version).Build(),
                     JsonObject().Int("version", s.version + 1).Str("status", "draft").Build());
  Submission out = LoadSubmission(c, id);
  tx.Commit();
  return out;
}

FormStatus ReportService::Status(const Actor& a, long long form_id, const std::string& period_id) {
  Form f = GetForm(a, form_id);
  Period p = ParsePeriod(period_id);
  if (p.type() != f.period_type)
    throw Error(errors::kPeriodTypeMismatch, "period", {{"value", period_id}});
  FormStatus st{f, p, Deadline(f, p), {}, {}};
  Conn c = db_.Lease();
  std::map<long long, int> reminders;
  for (auto& r : c.Query("SELECT unit_id, COUNT(*) FROM report_reminders WHERE form_id = :1 AND "
                         "period_id = :2 GROUP BY unit_id",
                         {form_id, period_id}))
    reminders[r.Int(0)] = static_cast<int>(r.Int(1));
  std::vector<Expected> expected;
  for (auto& [uid, name] : f.units) {
    UnitStatus u;
    u.unit_id = uid;
    u.unit_name = name;
    u.current = Latest(c, form_id, uid, period_id);
    u.reminders = reminders[uid];
    std::optional<Date> first = u.current ? u.current->first_submitted_on : std::nullopt;
    u.on_time = first && *first <= st.deadline;
    expected.push_back({uid, first});
    st.units.push_back(std::move(u));
  }
  st.completeness = ComputeCompleteness(expected, st.deadline);
  return st;
}

int ReportService::Remind(const Actor& a, long long form_id, const std::string& period_id,
                          std::vector<long long> unit_ids, Date today) {
  FormStatus st = Status(a, form_id, period_id);
  if (unit_ids.empty()) unit_ids = st.completeness.missing;
  Conn c = db_.Lease();
  Tx tx(c);
  if (!access::Permits(a.who, access::kReportApprove, UnitPath(c, st.form.commune_id)))
    throw Error(gen_errors::kForbidden);
  int n = 0;
  for (long long uid : unit_ids) {
    if (std::find(st.completeness.missing.begin(), st.completeness.missing.end(), uid) ==
        st.completeness.missing.end())
      throw Error(errors::kUnitNotOnForm, "unit_ids", {{"value", std::to_string(uid)}});
    c.Exec(
        "INSERT INTO report_reminders (form_id, unit_id, period_id, sent_by, sent_at) VALUES (:1, "
        ":2, :3, :4, :5)",
        {form_id, uid, period_id, a.ShownName(), Stamp(today)});
    ++n;
  }
  store::AppendAudit(c, a, "remind", "report_form", std::to_string(form_id), st.form.commune_id,
                     std::nullopt, JsonObject().Str("period", period_id).Int("units", n).Build());
  tx.Commit();
  return n;
}

std::vector<std::tuple<long long, std::string, std::string, std::string>> ReportService::Reminders(
    const Actor& a) {
  Conn c = db_.Lease();
  std::vector<std::tuple<long long, std::string, std::string, std::string>> out;
  auto rows = c.Query(
      "SELECT r.form_id, f.name, r.period_id, MAX(r.sent_at), r.unit_id FROM report_reminders r "
      "JOIN report_forms f ON f.id = r.form_id WHERE NOT EXISTS (SELECT 1 FROM submissions s "
      "WHERE s.form_id = r.form_id AND s.unit_id = r.unit_id AND s.period_id = r.period_id AND "
      "s.first_submitted_at IS NOT NULL) GROUP BY r.form_id, f.name, r.period_id, r.unit_id "
      "ORDER BY 4 DESC");
  auto units = UnitsOf(c, rows, 4);
  for (auto& r : rows) {
    auto unit = units.find(r.Int(4));
    if (unit == units.end()) continue;
    // Only reminders to units the actor reports for (not every unit the office can see).
    bool own = false;
    for (auto& g : a.who.grants)
      own = own || (access::RoleHas(g.role, access::kReportSubmit) &&
                    !access::RoleHas(g.role, access::kReportApprove) &&
                    unit->second.path.rfind(g.scope_path, 0) == 0);
    if (own) out.emplace_back(r.Int(0), r.Str(1), r.Str(2), r.Str(3));
  }
  return out;
}

std::vector<IndicatorLine> ReportService::IndicatorsIn(Conn& c, long long commune_id,
                                                       const Period& p) {
  // Entered values: the approved version of each unit's report for the period, on every form.
  std::map<long long, std::vector<indicator::UnitValue>> entered;
  for (auto& r :
       c.Query("SELECT v.indicator_id, s.unit_id, v.numerator, v.denominator, s.decided_at FROM "
               "report_values v JOIN submissions s ON s.id = v.submission_id WHERE s.commune_id = "
               ":1 AND "
               "s.period_id = :2 AND s.status = 'approved'",
               {commune_id, p.Id()}))
    entered[r.Int(0)].push_back(
        indicator::UnitValue{r.Int(1), r.Num(2), r.IsNull(3) ? 0 : r.Num(3),
                             Date::ParseIso(r.Str(4).substr(0, 10)).value_or(p.WindowEnd())});
  auto defs = indicators_.Definitions(c);
  indicator::CommuneTree tree = indicators_.Tree(c, commune_id);
  auto series = indicators_.Compute(c, tree, commune_id, p, defs, entered);
  std::vector<IndicatorLine> out;
  for (auto& s : series) {
    IndicatorLine l;
    l.def = s.def;
    l.source = s.source;
    if (tree.root >= 0) {
      const auto& agg = s.by_unit[static_cast<size_t>(tree.root)];
      if (agg.has_value) {
        l.value = s.ValueAt(tree.root);
        l.numerator = agg.numerator;
        if (indicator::HasDenominator(s.def.kind)) l.denominator = agg.denominator;
        if (l.value && s.def.kind == indicator::Kind::kRatio) *l.value /= 100.0;
      }
    }
    if (auto it = s.targets.find(commune_id); it != s.targets.end()) l.target = it->second;
    out.push_back(std::move(l));
  }
  // Disaggregated indicators: their parts summed over the approved reports, by combination.
  std::map<long long, std::map<std::string, std::pair<double, double>>> parts;
  for (auto& r : c.Query(
           "SELECT p.indicator_id, p.combo, SUM(p.numerator), SUM(COALESCE(p.denominator, 0)) FROM "
           "report_value_parts p JOIN submissions s ON s.id = p.submission_id WHERE s.commune_id = "
           ":1 AND "
           "s.period_id = :2 AND s.status = 'approved' GROUP BY p.indicator_id, p.combo",
           {commune_id, p.Id()}))
    parts[r.Int(0)][r.Str(1)] = {r.Num(2), r.Num(3)};
  for (auto& l : out) {
    auto it = parts.find(l.def.id);
    if (it == parts.end()) continue;
    for (auto& [combo, label] : indicator::Combinations(l.def.categories))
      if (auto pt = it->second.find(combo); pt != it->second.end())
        l.parts.emplace_back(label, pt->second.first, pt->second.second);
  }
  return out;
}

std::vector<IndicatorLine> ReportService::CommuneIndicators(const Actor& a, long long commune_id,
                                                            const std::string& period_id) {
  Period p = ParsePeriod(period_id);
  Conn c = db_.Lease();
  if (!access::Permits(a.who, access::kReportRead, UnitPath(c, commune_id)))
    throw Error(gen_errors::kOutOfScope, "commune_id");
  return IndicatorsIn(c, commune_id, p);
}

namespace {

std::string IndicatorText(const IndicatorLine& l) {
  std::string unit = l.def.kind == indicator::Kind::kPercent ? "%" : " " + l.def.unit;
  std::string s = "- " + l.def.name_vi + ": ";
  if (!l.value) {
    s += "chưa có số liệu";
  } else {
    s += VnNumber(*l.value, l.def.kind == indicator::Kind::kPercent ? 1 : 2) + unit;
    if (l.denominator)
      s += " (" + VnNumber(*l.numerator, 2) + "/" + VnNumber(*l.denominator, 2) + ")";
  }
  if (!l.parts.empty()) {
    std::string parts;
    for (auto& [label, n, d] : l.parts)
      parts += (parts.empty() ? "" : ", ") + label + " " + VnNumber(n, 2);
    s += " (" + parts + ")";
  }
  if (l.target) s += "; chỉ tiêu " + VnNumber(*l.target, 2) + unit;
  if (l.value && l.target) {
    bool met = indicator::MeetsTarget(l.def, *l.value, *l.target);
    s += met ? " — đạt" : " — chưa đạt";
  }
  return s + ".";
}

}  // namespace

long long ReportService::Consolidate(const Actor& a, long long commune_id,
                                     const std::string& period_id, Date today) {
  Period p = ParsePeriod(period_id);
  Conn c = db_.Lease();
  Tx tx(c);
  auto commune = org::Directory::Unit(c, commune_id);
  if (!commune || !org::IsCommuneLevel(commune->kind) ||
      !access::Permits(a.who, access::kReportRead, commune->path))
    throw Error(gen_errors::kOutOfScope, "commune_id");
  if (!access::Permits(a.who, access::kReportApprove, commune->path))
    throw Error(gen_errors::kForbidden);
  auto existing =
      c.QueryOne("SELECT id, status FROM commune_reports WHERE commune_id = :1 AND period_id = :2",
                 {commune_id, period_id});
  if (existing && existing->Str(1) == "issued") throw Error(errors::kReportIssued, "period");
  // Narratives of the approved reports, by key task, unit by unit.
  std::map<int, std::vector<std::pair<std::string, Narrative>>> by_task;
  {
    auto rows = c.Query(
        "SELECT n.key_no, s.unit_id, n.results, n.difficulties, n.proposals FROM "
        "report_narratives n JOIN submissions s ON s.id = n.submission_id WHERE s.commune_id = :1 "
        "AND s.period_id = :2 AND s.status = 'approved'",
        {commune_id, period_id});
    auto units = UnitsOf(c, rows, 1);
    std::vector<std::pair<std::string, const Row*>> in_order;  // unit path, row
    for (auto& r : rows)
      if (auto u = units.find(r.Int(1)); u != units.end())
        in_order.emplace_back(u->second.path, &r);
    std::stable_sort(in_order.begin(), in_order.end(),
                     [](auto& x, auto& y) { return x.first < y.first; });
    for (auto& [path, r] : in_order)
      by_task[static_cast<int>(r->Int(0))].push_back(
          {units.at(r->Int(1)).name, Narrative{r->Str(2), r->Str(3), r->Str(4)}});
  }
  auto lines = IndicatorsIn(c, commune_id, p);
  std::map<int, std::string> sections;
  for (int k = 1; k <= 10; ++k) {
    std::string body;
    auto add_part = [&](const char* heading, auto field) {
      std::string part;
      for (auto& [unit, n] : by_task[k])
        if (!(n.*field).empty()) part += "- " + unit + ": " + n.*field + "\n";
      if (!part.empty()) body += std::string(heading) + "\n" + part;
    };
    add_part("Kết quả thực hiện:", &Narrative::results);
    std::string ind;
    for (auto& l : lines)
      if (l.def.key_no == k) ind += IndicatorText(l) + "\n";
    if (!ind.empty()) body += "Chỉ tiêu:\n" + ind;
    add_part("Khó khăn, vướng mắc:", &Narrative::difficulties);
    add_part("Đề xuất, kiến nghị:", &Narrative::proposals);
    if (body.empty()) body = "Chưa có báo cáo được duyệt về nhiệm vụ này trong kỳ.\n";
    while (!body.empty() && body.back() == '\n') body.pop_back();
    sections[k] = body;
  }
  std::string now = clock::NowIsoUtc();
  long long id;
  if (existing) {
    id = existing->Int(0);
    c.Exec("UPDATE commune_reports SET updated_at = :1 WHERE id = :2", {now, id});
    c.Exec("DELETE FROM commune_report_sections WHERE report_id = :1", {id});
  } else {
    std::string name = commune->name;
    std::string label = p.LabelVi();
    if (!label.empty())
      label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
    id = c.InsertId(
        "INSERT INTO commune_reports (commune_id, period_id, status, subject, signer, "
        "signer_authority, signer_title, recipients, created_at, updated_at) VALUES (:1, :2, "
        "'draft', :3, '', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', :4, :5, :5) RETURNING id",
        {commune_id, period_id, "Kết quả thực hiện 10 nhiệm vụ trọng tâm " + label,
         std::string("UBND thành phố Hải Phòng;\nThường trực Đảng ủy, HĐND xã;\nLưu: VT, VP."),
         now});
  }
  for (auto& [k, body] : sections)
    c.Exec("INSERT INTO commune_report_sections (report_id, key_no, body) VALUES (:1, :2, :3)",
           {id, static_cast<long long>(k), body});
  store::AppendAudit(c, a, existing ? "rebuild" : "create", "commune_report", std::to_string(id),
                     commune_id, std::nullopt, JsonObject().Str("period", period_id).Build());
  (void)today;
  tx.Commit();
  return id;
}

CommuneReport ReportService::GetReport(const Actor& a, long long report_id) {
  Conn c = db_.Lease();
  auto r = c.QueryOne(
      "SELECT r.id, r.commune_id, '', r.period_id, r.status, r.doc_year, r.doc_no, r.issued_on, "
      "r.subject, r.signer, r.signer_authority, r.signer_title, r.recipients FROM commune_reports "
      "r WHERE r.id = :1",
      {report_id});
  auto commune = r ? org::Directory::Unit(c, r->Int(1)) : std::nullopt;
  if (!r || !commune || !access::Permits(a.who, access::kReportRead, commune->path))
    throw Error(errors::kReportNotFound, "id");
  CommuneReport out;
  out.id = r->Int(0);
  out.commune_id = r->Int(1);
  out.commune_name = commune->name;
  out.period_id = r->Str(3);
  out.status = r->Str(4);
  out.doc_year = static_cast<int>(r->Int(5));
  out.doc_no = static_cast<int>(r->Int(6));
  if (!r->IsNull(7)) out.issued_on = Date::ParseIso(r->Str(7));
  out.subject = r->Str(8);
  out.signer = r->Str(9);
  out.signer_authority = r->Str(10);
  out.signer_title = r->Str(11);
  out.recipients = r->Str(12);
  for (auto& s : c.Query("SELECT key_no, body FROM commune_report_sections WHERE report_id = :1",
                         {report_id}))
    out.sections[static_cast<int>(s.Int(0))] = s.Str(1);
  out.indicators = IndicatorsIn(c, out.commune_id, ParsePeriod(out.period_id));
  out.approved_reports = static_cast<int>(
      c.QueryOne("SELECT COUNT(*) FROM submissions WHERE commune_id = :1 AND period_id = :2 AND "
                 "status = 'approved'",
                 {out.commune_id, out.period_id})
          ->Int(0));
  return out;
}

std::optional<long long> ReportService::FindReport(const Actor& a, long long commune_id,
                                                   const std::string& period_id) {
  Conn c = db_.Lease();
  if (!access::Permits(a.who, access::kReportRead, UnitPath(c, commune_id))) return std::nullopt;
  auto r = c.QueryOne("SELECT id FROM commune_reports WHERE commune_id = :1 AND period_id = :2",
                      {commune_id, period_id});
  if (!r) return std::nullopt;
  return r->Int(0);
}

void ReportService::EditReport(const Actor& a, long long report_id, const ReportHeader& h,
                               const std::map<int, std::string>& sections) {
  CommuneReport rep = GetReport(a, report_id);
  Conn c = db_.Lease();
  Tx tx(c);
  if (!access::Permits(a.who, access::kReportApprove, UnitPath(c, rep.commune_id)))
    throw Error(gen_errors::kForbidden);
  auto status = c.QueryOne("SELECT status FROM commune_reports WHERE id = :1", {report_id});
  if (status->Str(0) == "issued") throw Error(errors::kReportIssued, "id");
  for (auto& [k, body] : sections)
    if (k < 1 || k > 10)
      throw Error(errors::kTaskNumber, "sections", {{"value", std::to_string(k)}});
  c.Exec(
      "UPDATE commune_reports SET subject = :1, signer = :2, signer_authority = :3, signer_title "
      "= :4, recipients = :5, updated_at = :6 WHERE id = :7",
      {h.subject, h.signer, h.signer_authority, h.signer_title, h.recipients, clock::NowIsoUtc(),
       report_id});
  for (auto& [k, body] : sections) {
    c.Exec("DELETE FROM commune_report_sections WHERE report_id = :1 AND key_no = :2",
           {report_id, static_cast<long long>(k)});
    c.Exec("INSERT INTO commune_report_sections (report_id, key_no, body) VALUES (:1, :2, :3)",
           {report_id, static_cast<long long>(k), body});
  }
  store::AppendAudit(c, a, "update", "commune_report", std::to_string(report_id), rep.commune_id,
                     JsonObject().Str("subject", rep.subject).Str("signer", rep.signer).Build(),
                     JsonObject().Str("subject", h.subject).Str("signer", h.signer).Build());
  tx.Commit();
}

void ReportService::Issue(const Actor& a, long long report_id, Date on) {
  CommuneReport rep = GetReport(a, report_id);
  Conn c = db_.Lease();
  Tx tx(c);
  if (!access::Permits(a.who, access::kReportApprove, UnitPath(c, rep.commune_id)))
    throw Error(gen_errors::kForbidden);
  auto status = c.QueryOne("SELECT status FROM commune_reports WHERE id = :1", {report_id});
  if (status->Str(0) == "issued") throw Error(errors::kReportIssued, "id");
  if (rep.signer.empty()) throw Error(gen_errors::kRequired, "signer");
  auto last = c.QueryOne(
      "SELECT last_no FROM document_numbers WHERE commune_id = :1 AND year = :2 AND doc_type = "
      "'BC'",
      {rep.commune_id, static_cast<long long>(on.year())});
  long long no = last ? last->Int(0) + 1 : 1;
  if (last)
    c.Exec(
        "UPDATE document_numbers SET last_no = :1 WHERE commune_id = :2 AND year = :3 AND "
        "doc_type = 'BC'",
        {no, rep.commune_id, static_cast<long long>(on.year())});
  else
    c.Exec(
        "INSERT INTO document_numbers (commune_id, year, doc_type, last_no) VALUES (:1, :2, 'BC', "
        ":3)",
        {rep.commune_id, static_cast<long long>(on.year()), no});
  c.Exec(
      "UPDATE commune_reports SET status = 'issued', doc_year = :1, doc_no = :2, issued_on = :3, "
      "updated_at = :4 WHERE id = :5",
      {static_cast<long long>(on.year()), no, on.ToIso(), clock::NowIsoUtc(), report_id});
  store::AppendAudit(
      c, a, "issue", "commune_report", std::to_string(report_id), rep.commune_id,
      JsonObject().Str("status", "draft").Build(),
      JsonObject().Str("status", "issued").Int("number", no).Int("year", on.year()).Build());
  tx.Commit();
}

}  // namespace kientao::reporting

// ---- Exchange with the city ----

namespace kientao::reporting {

namespace {

namespace json = boost::json;

constexpr std::string_view kPackageFormat = "kientao.commune-report/1";

json::value Opt(const std::optional<double>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

}  // namespace

std::string ReportService::ExportPackage(const Actor& a, long long report_id) {
  CommuneReport r = GetReport(a, report_id);
  if (r.status != "issued") throw Error(errors::kNotIssued, "id");
  Conn c = db_.Lease();
  auto commune = org::Directory::Unit(c, r.commune_id);
  json::array sections, indicators, units;
  for (auto& [k, body] : r.sections) sections.push_back({{"key_no", k}, {"body", body}});
  for (auto& l : r.indicators) {
    if (!l.value && !l.target) continue;
    indicators.push_back({{"code", l.def.code},
                          {"value", Opt(l.value)},
                          {"numerator", Opt(l.numerator)},
                          {"denominator", Opt(l.denominator)},
                          {"target", Opt(l.target)},
                          {"source", l.source}});
  }
  std::map<long long, std::string> code_of;
  for (const Definition& d : indicators_.Definitions(c)) code_of[d.id] = d.code;
  // unit code → indicator code → value, so each unit's values come in the order of the codes.
  std::map<std::string, std::map<std::string, json::object>> values;
  auto rows = c.Query(
      "SELECT s.unit_id, v.indicator_id, v.numerator, v.denominator FROM report_values v JOIN "
      "submissions s ON s.id = v.submission_id WHERE s.commune_id = :1 AND s.period_id = :2 AND "
      "s.status = 'approved'",
      {r.commune_id, r.period_id});
  auto value_units = UnitsOf(c, rows, 0);
  for (auto& row : rows) {
    auto unit = value_units.find(row.Int(0));
    if (unit == value_units.end()) continue;
    const std::string& code = code_of[row.Int(1)];
    values[unit->second.code][code] = {
        {"indicator", code},
        {"numerator", row.Num(2)},
        {"denominator", row.IsNull(3) ? json::value(nullptr) : json::value(row.Num(3))}};
  }
  std::map<std::string, json::array> by_unit;
  for (auto& [unit, by_code] : values)
    for (auto& [code, o] : by_code) by_unit[unit].push_back(std::move(o));
  for (auto& [code, values] : by_unit) units.push_back({{"code", code}, {"values", values}});
  json::object pkg{{"format", std::string(kPackageFormat)},
                   {"commune", {{"code", commune ? commune->code : ""}, {"name", r.commune_name}}},
                   {"period", r.period_id},
                   {"report",
                    {{"number", ReportNumber(r.doc_no)},
                     {"issued_on", r.issued_on ? r.issued_on->ToIso() : ""},
                     {"subject", r.subject},
                     {"signer", r.signer},
                     {"signer_authority", r.signer_authority},
                     {"signer_title", r.signer_title},
                     {"sections", sections}}},
                   {"indicators", indicators},
                   {"units", units}};
  return http::SerializeJson(pkg);
}

std::string ReportService::ExportAdx(const Actor& a, long long report_id) {
  CommuneReport r = GetReport(a, report_id);
  if (r.status != "issued") throw Error(errors::kNotIssued, "id");
  Conn c = db_.Lease();
  auto commune = org::Directory::Unit(c, r.commune_id);
  Period p = ParsePeriod(r.period_id);
  std::optional<std::string> period = AdxPeriod(p);
  if (!period) throw Error(errors::kNoAdxPeriod, "period", {{"value", p.LabelVi()}});
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<adx xmlns=\"urn:ihe:qrph:adx:2015\" "
      "exported=\"" +
      clock::NowIsoVn() + "\">\n  <group orgUnit=\"" +
      documents::XmlEscape(commune ? commune->code : "") + "\" period=\"" + *period +
      "\" dataSet=\"BC-UBND-XA\">\n";
  for (auto& l : r.indicators) {
    if (!l.value) continue;
    xml += fmt::format("    <dataValue dataElement=\"{}\" value=\"{}\"/>\n",
                       documents::XmlEscape(l.def.code), AdxDecimal(*l.value));
  }
  return xml + "  </group>\n</adx>\n";
}

ImportOutcome ReportService::ImportPackage(const Actor& a, std::string_view package) {
  Error invalid(errors::kPackageInvalid, "package");
  auto problem = [&](const std::string& field, const std::string& code,
                     std::map<std::string, std::string> params = {}) {
    invalid.details().push_back(FieldError{field, code, std::move(params), 0});
  };
  if (!text::IsValidUtf8(package)) throw Error(gen_errors::kInvalidUtf8, "package");
  boost::system::error_code ec;
  json::value v = json::parse(package, ec);
  if (ec || !v.is_object()) throw Error(gen_errors::kMalformedJson, "package");
  const json::object& o = v.as_object();
  auto str = [&](const json::object& obj, const char* key) -> std::string {
    auto* x = obj.if_contains(key);
    return x && x->is_string() ? std::string(x->as_string()) : std::string();
  };
  if (str(o, "format") != kPackageFormat)
    throw Error(errors::kPackageInvalid, "format", {{"value", str(o, "format")}});
  const json::object* commune = o.if_contains("commune") ? o.at("commune").if_object() : nullptr;
  std::string commune_code = commune ? str(*commune, "code") : "";
  std::string period_id = str(o, "period");
  auto period = Period::Parse(period_id);
  if (!period) problem("period", std::string(errors::kUnknownPeriod.code), {{"value", period_id}});
  const json::object* report = o.if_contains("report") ? o.at("report").if_object() : nullptr;
  std::string number = report ? str(*report, "number") : "";
  if (number.empty()) problem("report.number", std::string(gen_errors::kRequired.code));
  Conn c = db_.Lease();
  Tx tx(c);
  auto unit = org::Directory::UnitByCode(c, commune_code);
  if (!unit || !org::IsCommuneLevel(unit->kind) ||
      !access::Permits(a.who, access::kReportImport, unit->path))
    throw Error(errors::kPackageCommune, "commune", {{"value", commune_code}});
  struct Parsed {
    long long indicator_id;
    std::optional<double> numerator, denominator, target;
  };
  std::vector<Parsed> values;
  std::map<std::string, Definition> defs;
  for (auto& d : indicators_.Definitions(c)) defs[d.code] = d;
  const json::array* inds = o.if_contains("indicators") ? o.at("indicators").if_array() : nullptr;
  if (!inds) problem("indicators", std::string(gen_errors::kRequired.code));
  for (size_t i = 0; inds && i < inds->size(); ++i) {
    std::string field = "indicators[" + std::to_string(i) + "]";
    const json::object* x = (*inds)[i].if_object();
    if (!x) {
      problem(field, std::string(gen_errors::kWrongType.code), {{"expected", "object"}});
      continue;
    }
    std::string code = str(*x, "code");
    auto def = defs.find(code);
    if (def == defs.end()) {
      problem(field + ".code", std::string(indicator::errors::kIndicatorNotFound.code),
              {{"value", code}});
      continue;
    }
    auto num = [&](const char* key) -> std::optional<double> {
      auto* n = x->if_contains(key);
      if (!n || n->is_null()) return std::nullopt;
      if (n->is_number()) return n->to_number<double>();
      problem(field + "." + key, std::string(gen_errors::kWrongType.code),
              {{"expected", "number"}});
      return std::nullopt;
    };
    Parsed p{def->second.id, num("numerator"), num("denominator"), num("target")};
    if (p.numerator) {
      try {
        indicator::CheckValue(def->second, *p.numerator,
                              indicator::HasDenominator(def->second.kind)
                                  ? p.denominator.value_or(0)
                                  : std::optional<double>(),
                              code);
      } catch (const Error& e) {
        problem(field, std::string(e.code()), e.params());
      }
    }
    values.push_back(p);
  }
  if (!invalid.details().empty()) throw invalid;
  std::string digest = store::ContentDigest(package);
  ImportOutcome out{0, false, unit->name, period->Id(), number};
  auto existing =
      c.QueryOne("SELECT id, digest FROM city_packages WHERE commune_id = :1 AND period_id = :2",
                 {unit->id, period->Id()});
  if (existing && existing->Str(1) == digest) {
    out.package_id = existing->Int(0);
    return out;  // the same package again: nothing changes
  }
  if (existing) {
    c.Exec("DELETE FROM city_package_values WHERE package_id = :1", {existing->Int(0)});
    c.Exec("DELETE FROM city_packages WHERE id = :1", {existing->Int(0)});
  }
  out.package_id = c.InsertId(
      "INSERT INTO city_packages (commune_id, period_id, digest, doc_number, payload, imported_by, "
      "imported_at) VALUES (:1, :2, :3, :4, :5, :6, :7) RETURNING id",
      {unit->id, period->Id(), digest, number, std::string(package), a.ShownName(),
       clock::NowIsoVn()});
  for (auto& p : values)
    c.Exec(
        "INSERT INTO city_package_values (package_id, indicator_id, numerator, denominator, "
        "target) "
        "VALUES (:1, :2, :3, :4, :5)",
        {out.package_id, p.indicator_id, p.numerator ? Value(*p.numerator) : Value(),
         p.denominator ? Value(*p.denominator) : Value(), p.target ? Value(*p.target) : Value()});
  out.changed = true;
  store::AppendAudit(
      c, a, existing ? "replace" : "import", "city_package", std::to_string(out.package_id),
      unit->id, std::nullopt,
      JsonObject().Str("period", period->Id()).Str("number", number).Str("digest", digest).Build());
  tx.Commit();
  return out;
}

CityOverview ReportService::City(const Actor& a, const std::string& period_id) {
  Period p = ParsePeriod(period_id);
  CityOverview out;
  Conn c = db_.Lease();
  std::vector<std::pair<long long, std::string>> communes;  // (id, path)
  std::set<long long> seen;
  for (auto& scope : access::ScopePaths(a.who, access::kReportRead)) {
    auto under = org::Directory::CommunesUnder(c, scope);
    std::stable_sort(under.begin(), under.end(), [](auto& x, auto& y) {
      return text::CollationKey(x.name) < text::CollationKey(y.name);
    });
    for (auto& u : under)
      if (seen.insert(u.id).second) {
        communes.emplace_back(u.id, u.path);
        CityCommune cc;
        cc.commune_id = u.id;
        cc.name = u.name;
        out.communes.push_back(cc);
      }
  }
  if (auto city = org::Directory::City(c)) out.city_name = city->name;
  auto defs = indicators_.Definitions(c);
  std::map<long long, std::vector<indicator::UnitValue>> at_communes;  // indicator → commune values
  // Completeness of every commune in two reads: the forms' units and the first submissions.
  std::map<std::pair<long long, long long>, Date> first;  // (form, unit) → first submitted
  for (auto& r :
       c.Query("SELECT form_id, unit_id, MIN(first_submitted_at) FROM submissions WHERE "
               "period_id = :1 AND first_submitted_at IS NOT NULL GROUP BY form_id, unit_id",
               {p.Id()}))
    if (auto d = Date::ParseIso(r.Str(2).substr(0, 10))) first[{r.Int(0), r.Int(1)}] = *d;
  struct FormUnits {
    long long commune = 0;
    Date deadline;
    std::vector<Expected> units;
  };
  std::map<long long, FormUnits> forms;
  auto form_units = c.Query(
      "SELECT f.id, f.commune_id, f.deadline_working_days, fu.unit_id FROM report_forms f "
      "JOIN report_form_units fu ON fu.form_id = f.id WHERE f.period_type = :1",
      {std::string(PeriodTypeCode(p.type()))});
  auto form_unit_of = UnitsOf(c, form_units, 3);
  for (auto& r : form_units) {
    if (auto u = form_unit_of.find(r.Int(3)); u == form_unit_of.end() || !u->second.active())
      continue;  // units in post only
    FormUnits& fu = forms[r.Int(0)];
    if (fu.units.empty()) {
      Form f;
      f.deadline_working_days = static_cast<int>(r.Int(2));
      fu.commune = r.Int(1);
      fu.deadline = Deadline(f, p);
    }
    auto it = first.find({r.Int(0), r.Int(3)});
    fu.units.push_back(
        {r.Int(3), it == first.end() ? std::nullopt : std::optional<Date>(it->second)});
  }
  for (size_t i = 0; i < communes.size(); ++i) {
    CityCommune& cc = out.communes[i];
    long long commune = communes[i].first;
    for (auto& [form, fu] : forms) {
      if (fu.commune != commune) continue;
      Completeness comp = ComputeCompleteness(fu.units, fu.deadline);
      cc.expected += comp.expected;
      cc.received += comp.received;
      cc.on_time += comp.on_time;
    }
    cc.report_status = "none";
    if (auto rep =
            c.QueryOne("SELECT id, status, doc_no FROM commune_reports WHERE commune_id = :1 AND "
                       "period_id = :2",
                       {commune, p.Id()})) {
      cc.report_id = rep->Int(0);
      cc.report_status = rep->Str(1);
      if (rep->Str(1) == "issued") cc.doc_number = ReportNumber(static_cast<int>(rep->Int(2)));
    }
    // Values at the commune: an imported package wins; otherwise this installation's own data.
    auto pkg = c.QueryOne(
        "SELECT id, doc_number FROM city_packages WHERE commune_id = :1 AND period_id = :2",
        {commune, p.Id()});
    if (pkg) {
      if (cc.report_status != "issued") cc.report_status = "imported";
      if (cc.doc_number.empty()) cc.doc_number = pkg->Str(1);
      for (auto& r :
           c.Query("SELECT indicator_id, numerator, denominator, target FROM city_package_values "
                   "WHERE package_id = :1",
                   {pkg->Int(0)})) {
        if (!r.IsNull(1))
          at_communes[r.Int(0)].push_back(
              {commune, r.Num(1), r.IsNull(2) ? 0 : r.Num(2), p.WindowEnd()});
      }
    } else {
      for (auto& l : IndicatorsIn(c, commune, p))
        if (l.numerator)
          at_communes[l.def.id].push_back(
              {commune, *l.numerator, l.denominator.value_or(0), p.WindowEnd()});
    }
  }
  // Roll the communes' values up to one root: the same engine, over a one-level tree.
  std::vector<std::pair<long long, long long>> pairs = {{-1, 0}};
  for (auto& [id, path] : communes) pairs.emplace_back(id, -1);
  indicator::OrgTree tree = indicator::OrgTree::Build(pairs);
  int root = tree.IndexOf(-1);
  for (auto& d : defs) {
    auto it = at_communes.find(d.id);
    IndicatorLine l;
    l.def = d;
    l.source = d.provider.empty() ? "report" : d.provider;
    if (it != at_communes.end()) {
      auto agg = indicator::RollUp(tree, d.aggregation, it->second);
      const auto& top = agg[static_cast<size_t>(root)];
      if (top.has_value) {
        l.value = top.Value(d.aggregation);
        if (l.value && d.kind == indicator::Kind::kRatio) *l.value /= 100.0;
        l.numerator = top.numerator;
        if (indicator::HasDenominator(d.kind)) l.denominator = top.denominator;
      }
    }
    out.indicators.push_back(std::move(l));
  }
  return out;
}

// ---- The indicator catalogue, rules and targets ----

std::vector<std::pair<long long, std::string>> ReportService::CommuneUnits(const Actor& a,
                                                                           long long commune_id) {
  Conn c = db_.Lease();
  if (!access::Permits(a.who, access::kReportRead, UnitPath(c, commune_id))) return {};
  std::vector<std::pair<long long, std::string>> out;
  for (auto& u : org::Directory::CommuneTree(c, commune_id))
    if (u.active()) out.emplace_back(u.id, u.name);
  return out;
}

IndicatorCatalogue ReportService::Catalogue(const Actor& a, long long commune_id,
                                            const std::string& period_id) {
  Period p = ParsePeriod(period_id);
  Conn c = db_.Lease();
  IndicatorCatalogue out;
  out.definitions = indicators_.Definitions(c);
  out.rules = indicators_.Rules(c, UnitPath(c, commune_id));
  // Definitions are the same for everyone, rules those of the installation and the commune; the
  // commune's targets for those who read it.
  if (!access::Permits(a.who, access::kReportRead, UnitPath(c, commune_id))) return out;
  out.targets = indicators_.Targets(c, commune_id, p.Id());
  return out;
}

namespace {

// Whether `path` is the top of the tree ("/1/"): a grant over it covers the whole installation.
bool TopLevel(const std::string& path) { return std::count(path.begin(), path.end(), '/') == 2; }

// The subtree the actor administers: "" for the whole installation, else the first
// administrator grant's path.
std::optional<std::string> AdminScope(const Principal& p) {
  std::optional<std::string> scope;
  for (const RoleGrant& g : p.grants)
    if (access::Permits(p, access::kUsersAdmin, g.scope_path) && g.role == "admin") {
      if (TopLevel(g.scope_path)) return std::string();
      if (!scope) scope = g.scope_path;
    }
  return scope;
}

}  // namespace

long long ReportService::DefineIndicator(const Actor& a, const Definition& d) {
  if (!access::HasPermission(a.who, access::kUsersAdmin)) throw Error(gen_errors::kForbidden);
  if (AdminScope(a.who) != std::string()) throw Error(errors::kCatalogueAdmin);
  if (!indicator::ValidCode(d.code))
    throw Error(indicator::errors::kBadCode, "code", {{"value", d.code}});
  if (d.name_vi.empty()) throw Error(gen_errors::kRequired, "name_vi");
  if (d.key_no < 0 || d.key_no > 10)
    throw Error(errors::kTaskNumber, "key_no", {{"value", std::to_string(d.key_no)}});
  Conn c = db_.Lease();
  Tx tx(c);
  if (indicators_.Find(c, d.code))
    throw Error(indicator::errors::kCodeTaken, "code", {{"value", d.code}});
  Definition x = d;
  x.provider.clear();  // providers are registered by modules, not typed in
  long long id = indicators_.Create(c, x);
  store::AppendAudit(c, a, "create", "indicator", std::to_string(id), std::nullopt, std::nullopt,
                     JsonObject()
                         .Str("code", x.code)
                         .Str("name_vi", x.name_vi)
                         .Str("kind", indicator::KindCode(x.kind))
                         .Str("aggregation", indicator::AggregationCode(x.aggregation))
                         .Build());
  tx.Commit();
  return id;
}

long long ReportService::AddRule(const Actor& a, const std::string& name_vi,
                                 const std::string& left, indicator::Operator op,
                                 const std::string& right) {
  if (!access::HasPermission(a.who, access::kUsersAdmin)) throw Error(gen_errors::kForbidden);
  if (name_vi.empty()) throw Error(gen_errors::kRequired, "name_vi");
  auto l = indicator::Expression::Parse(left);
  auto r = indicator::Expression::Parse(right);
  Conn c = db_.Lease();
  Tx tx(c);
  for (auto* e : {&l, &r})
    for (auto& name : e->Names()) {
      std::string code = name.size() > 4 && name.substr(name.size() - 4) == ".den"
                             ? name.substr(0, name.size() - 4)
                             : name;
      if (!indicators_.Find(c, code))
        throw Error(indicator::errors::kIndicatorNotFound, e == &l ? "left" : "right",
                    {{"value", code}});
    }
  std::string scope = AdminScope(a.who).value_or("");
  long long commune = scope.empty() ? 0 : store::ActorCommune(c, a.who, access::kUsersAdmin);
  long long id = indicators_.AddRule(c, name_vi, name_vi, left, op, right, scope, commune);
  store::AppendAudit(
      c, a, "create", "indicator_rule", std::to_string(id),
      commune ? std::optional<long long>(commune) : std::nullopt, std::nullopt,
      JsonObject()
          .Str("name", name_vi)
          .Str("rule", left + " " + std::string(indicator::OperatorText(op)) + " " + right)
          .Build());
  tx.Commit();
  return id;
}

void ReportService::DeleteRule(const Actor& a, long long rule_id) {
  if (!access::HasPermission(a.who, access::kUsersAdmin)) throw Error(gen_errors::kForbidden);
  Conn c = db_.Lease();
  Tx tx(c);
  auto r = indicators_.Rule(c, rule_id);
  if (!r) throw Error(errors::kRuleNotFound, "id");
  auto scope = AdminScope(a.who);
  bool may =
      scope && (scope->empty() || (!r->scope_path.empty() &&
                                   access::Permits(a.who, access::kUsersAdmin, r->scope_path)));
  if (!may) throw Error(gen_errors::kOutOfScope, "id");
  indicators_.DeleteRule(c, rule_id);
  store::AppendAudit(
      c, a, "delete", "indicator_rule", std::to_string(rule_id),
      r->commune_id ? std::optional<long long>(r->commune_id) : std::nullopt,
      JsonObject()
          .Str("name", r->name_vi)
          .Str("rule", r->left.text() + " " + std::string(indicator::OperatorText(r->op)) + " " +
                           r->right.text())
          .Str("scope", r->scope_path)
          .Build(),
      std::nullopt);
  tx.Commit();
}

void ReportService::SetTarget(const Actor& a, const std::string& code, long long unit_id,
                              const std::string& period_id, double target) {
  Period p = ParsePeriod(period_id);
  Conn c = db_.Lease();
  Tx tx(c);
  auto d = indicators_.Find(c, code);
  if (!d) throw Error(indicator::errors::kIndicatorNotFound, "code", {{"value", code}});
  auto unit = org::Directory::Unit(c, unit_id);
  if (!unit || !access::Permits(a.who, access::kReportRead, unit->path))
    throw Error(indicator::errors::kUnitNotFound, "unit_id");
  if (!access::Permits(a.who, access::kReportApprove, unit->path))
    throw Error(gen_errors::kForbidden);
  if (target < 0) throw Error(indicator::errors::kNegativeValue, "target");
  if (d->kind == indicator::Kind::kPercent && target > 100)
    throw Error(indicator::errors::kPercentOver100, "target");
  std::optional<double> before = indicators_.Target(c, d->id, unit_id, p.Id());
  indicators_.SetTarget(c, d->id, unit_id, p.Id(), target);
  store::AppendAudit(
      c, a, "target", "indicator", code, unit->commune_id ? unit->commune_id : unit->id,
      before ? std::optional<std::string>(JsonObject().Str("target", VnNumber(*before, 4)).Build())
             : std::nullopt,
      JsonObject()
          .Str("target", VnNumber(target, 4))
          .Str("period", p.Id())
          .Int("unit_id", unit_id)
          .Build());
  tx.Commit();
}

}  // namespace kientao::reporting
