#include "modules/sipas/service.hpp"

#include <sodium.h>

#include <algorithm>

#include <boost/json.hpp>

#include "base/access.hpp"
#include "base/clock.hpp"
#include "modules/services/errors.hpp"
#include "modules/services/permissions.hpp"
#include "modules/sipas/errors.hpp"
#include "modules/sipas/permissions.hpp"
#include "store/audit_log.hpp"

namespace kientao::sipas {

using store::Conn;
using store::Tx;

namespace {

constexpr long kHour = 3600;

Date AddDays(Date d, long n) { return Date::FromDaysSinceEpoch(d.DaysSinceEpoch() + n); }

std::string ResponseJson(const Reply& r) {
  boost::json::object answers;
  for (const auto& [item, level] : r.answers) answers[item] = level;
  return boost::json::serialize(boost::json::object{{"channel", ChannelCode(r.channel)},
                                                    {"questionnaire", r.questionnaire_file},
                                                    {"unit_id", r.unit_id},
                                                    {"answered_on", r.answered_on.ToIso()},
                                                    {"answers", answers}});
}

}  // namespace

SipasService::SipasService(store::Database& db, services::ServicesService& services,
                           const std::vector<std::pair<std::string, std::string>>& questionnaires,
                           const std::string& method_text)
    : db_(db),
      services_(services),
      method_(ParseMethod(method_text, "sipas-method.toml")),
      address_throttle_(method_.per_address_per_hour, kHour),
      kiosk_throttle_(method_.per_kiosk_per_hour, kHour) {
  for (const auto& [file, text] : questionnaires) {
    Questionnaire q = ParseQuestionnaire(text, file);
    RuleMeta meta = RuleFile::Parse(text, file).meta();
    auto [it, fresh] = sets_.try_emplace(q.set, q.set);
    it->second.Add(meta, std::move(q));
  }
  if (!sets_.count(method_.questionnaire))
    throw RuleFileError("rule file sipas-method.toml: administration.questionnaire: no rule set " +
                        method_.questionnaire);
  Conn c = db_.Lease();
  Tx tx(c);
  key_ = SipasStore::Key(c);
  tx.Commit();
}

const Questionnaire& SipasService::QuestionnaireOn(const std::string& set, Date on) const {
  const std::string& id = set.empty() ? method_.questionnaire : set;
  auto it = sets_.find(id);
  if (it == sets_.end() || it->second.versions().empty())
    throw Error(errors::kUnknownQuestionnaire, "questionnaire", {{"value", id}});
  // The version in force, else the latest that began (a period before any version: the first).
  if (const auto* v = it->second.On(on)) return v->value;
  for (auto v = it->second.versions().rbegin(); v != it->second.versions().rend(); ++v)
    if (v->meta.effective_from <= on) return v->value;
  return it->second.versions().front().value;
}

std::vector<services::ServiceUnit> SipasService::Units(const Actor& a,
                                                       std::string_view permission) {
  return services_.Units(a, permission);
}

std::map<long long, services::Procedure> SipasService::Procedures(const Actor& a) {
  std::map<long long, services::Procedure> out;
  if (!access::HasPermission(a.who, access::kServicesRead)) return out;
  for (auto& p : services_.ListProcedures(a)) out[p.id] = p;
  return out;
}

std::string SipasService::SurveyPath(const Actor& a, long long id) {
  services_.GetDossier(a, id);  // in scope
  return "/khao-sat/" + SignToken(key_, id, clock::Today());
}

Invitation SipasService::Open(const std::string& token) {
  auto claim = VerifyToken(key_, token);
  std::optional<services::DossierRow> d;
  if (claim) d = services_.PublicDossier(claim->dossier_id);
  if (!d) throw Error(errors::kTokenInvalid);
  Invitation inv;
  inv.dossier = *d;
  inv.valid_until = AddDays(claim->issued, method_.token_valid_days);
  if (clock::Today() > inv.valid_until)
    throw Error(errors::kTokenExpired, "", {{"date", inv.valid_until.ToVn()}});
  inv.returned = d->d.returned_on.has_value();
  Conn c = db_.Lease();
  inv.answered = SipasStore::DossierAnswered(c, d->id);
  return inv;
}

void SipasService::Throttled(Throttle& t, const std::string& key, const std::string&) {
  long long now = clock::NowUnix();
  if (long wait = t.RetryAfter(key, now); wait > 0)
    throw Error(errors::kThrottled, "", {{"minutes", std::to_string((wait + 59) / 60)}});
  t.Record(key, now);  // every attempt counts, a refused one too: guessing links is throttled
}

void SipasService::Check(const Questionnaire& q, const Answers& answers) const {
  auto problems = CheckAnswers(q, method_, answers);
  if (problems.empty()) return;
  if (problems.size() == 1 && problems[0].field.empty()) throw Error(errors::kNothingAnswered);
  ThrowIfProblems(problems);
}

long long SipasService::Record(Conn& c, Reply r, const std::string& actor,
                               const std::string& remote_addr) {
  long long id = SipasStore::Insert(c, r);
  store::AuditEntry e;
  e.actor = actor;
  e.action = "create";
  e.entity = "sipas_response";
  e.entity_id = std::to_string(id);
  e.commune_id = r.commune_id;
  e.after_json = ResponseJson(r);
  e.remote_addr = remote_addr;
  store::AppendAudit(c, std::move(e));
  return id;
}

long long SipasService::AnswerByLink(const std::string& token, const Answers& answers,
                                     const std::string& remote_addr) {
  Throttled(address_throttle_, "a:" + remote_addr, remote_addr);
  Invitation inv = Open(token);
  if (inv.answered) throw Error(errors::kAlreadyAnswered);
  if (!inv.returned) throw Error(errors::kNotReturnedYet);
  Date today = clock::Today();
  const Questionnaire& q = QuestionnaireOn("", today);
  Check(q, answers);
  Reply r;
  r.commune_id = inv.dossier.commune_id;
  r.unit_id = inv.dossier.d.unit_id;
  r.questionnaire = q.set;
  r.questionnaire_file = q.file;
  r.channel = Channel::kQr;
  r.dossier_id = inv.dossier.id;
  r.procedure_id = inv.dossier.d.procedure_id;
  r.answered_on = today;
  r.answered_at = clock::NowIsoUtc();
  r.answers = answers;
  Conn c = db_.Lease();
  Tx tx(c);
  // Two submissions of one link at once: the second finds the first inside the write lock.
  if (SipasStore::DossierAnswered(c, inv.dossier.id)) throw Error(errors::kAlreadyAnswered);
  long long id = Record(c, std::move(r), "public:qr", remote_addr);
  tx.Commit();
  return id;
}

Kiosk SipasService::OpenKiosk(const std::string& token) {
  if (token.size() != 32 || token.find_first_not_of("0123456789abcdef") != std::string::npos)
    throw Error(errors::kKioskNotFound);
  Conn c = db_.Lease();
  auto k = SipasStore::KioskByToken(c, token);
  if (!k || !k->active) throw Error(errors::kKioskNotFound);
  return *k;
}

long long SipasService::AnswerAtKiosk(const std::string& token, const Answers& answers,
                                      const std::string& remote_addr) {
  Kiosk k = OpenKiosk(token);
  Throttled(kiosk_throttle_, "k:" + std::to_string(k.id), remote_addr);
  Date today = clock::Today();
  const Questionnaire& q = QuestionnaireOn("", today);
  Check(q, answers);
  Reply r;
  r.commune_id = k.commune_id;
  r.unit_id = k.unit_id;
  r.questionnaire = q.set;
  r.questionnaire_file = q.file;
  r.channel = Channel::kKiosk;
  r.kiosk_id = k.id;
  r.answered_on = today;
  r.answered_at = clock::NowIsoUtc();
  r.answers = answers;
  Conn c = db_.Lease();
  Tx tx(c);
  long long id = Record(c, std::move(r), "kiosk:" + std::to_string(k.id), remote_addr);
  tx.Commit();
  return id;
}

long long SipasService::EnterPaper(const Actor& a, const PaperEntry& e) {
  if (!access::HasPermission(a.who, access::kSipasWrite)) throw Error(gen_errors::kForbidden);
  Date today = clock::Today();
  Date on = e.answered_on.value_or(today);
  std::vector<FieldError> problems;
  if (on > today)
    problems.push_back(
        {"answered_on", std::string(gen_errors::kInvalidDate.code), {{"value", on.ToVn()}}});
  const Questionnaire& q = QuestionnaireOn("", on);
  Reply r;
  r.channel = Channel::kPaper;
  r.questionnaire = q.set;
  r.questionnaire_file = q.file;
  r.answered_on = on;
  r.answered_at = clock::NowIsoUtc();
  r.entered_by = a.audit_name;
  r.answers = e.answers;
  std::optional<services::DossierRow> dossier;
  if (!e.dossier_code.empty()) {
    try {
      dossier = services_.FindByCode(a, e.dossier_code);
    } catch (const Error&) {
      problems.push_back({"dossier_code",
                          std::string(errors::kDossierNotFound.code),
                          {{"value", e.dossier_code}}});
    }
  }
  auto units = Units(a, access::kSipasWrite);
  long long unit_id = dossier ? dossier->d.unit_id : e.unit_id;
  const services::ServiceUnit* unit = nullptr;
  for (const auto& u : units)
    if (u.id == unit_id) unit = &u;
  if (!unit && !dossier)
    problems.push_back({"unit_id", std::string(gen_errors::kOutOfScope.code), {}});
  for (auto& p : CheckAnswers(q, method_, e.answers)) problems.push_back(p);
  ThrowIfProblems(problems);
  if (!unit) throw Error(gen_errors::kOutOfScope, "unit_id");
  r.commune_id = unit->commune_id;
  r.unit_id = unit->id;
  if (dossier) {
    r.dossier_id = dossier->id;
    r.procedure_id = dossier->d.procedure_id;
  }
  Conn c = db_.Lease();
  Tx tx(c);
  if (dossier && SipasStore::DossierAnswered(c, dossier->id))
    throw Error(errors::kAlreadyAnswered, "dossier_code");
  long long id = Record(c, std::move(r), a.audit_name, a.remote_addr);
  tx.Commit();
  return id;
}

TallyQuery SipasService::TallyFor(const Actor& a, const IndexQuery& q, const Questionnaire& qn,
                                  const std::vector<services::ServiceUnit>& units) {
  TallyQuery t;
  t.questionnaire = qn.set;
  t.from = q.from;
  t.to = q.to;
  t.channel = q.channel;
  std::string under;
  if (!q.unit_code.empty()) {
    for (const auto& u : units)
      if (u.code == q.unit_code) under = u.path;
    if (under.empty())
      throw Error(services::errors::kUnitNotFound, "unit", {{"value", q.unit_code}});
  }
  for (const auto& u : units)
    if (under.empty() || u.path.rfind(under, 0) == 0) t.unit_ids.push_back(u.id);
  if (!q.procedure_code.empty()) {
    for (const auto& [id, p] : Procedures(a))
      if (p.code == q.procedure_code) t.procedure_id = id;
    if (!t.procedure_id)
      throw Error(services::errors::kUnknownProcedure, "procedure", {{"value", q.procedure_code}});
  }
  return t;
}

Indices SipasService::Compute(const Actor& a, IndexQuery q) {
  if (q.from > q.to || q.to.DaysSinceEpoch() - q.from.DaysSinceEpoch() > 5 * 366)
    throw Error(errors::kInvalidPeriod, "to");
  auto units = Units(a, access::kSipasRead);
  if (units.empty()) throw Error(gen_errors::kOutOfScope);
  Indices out;
  out.questionnaire = &QuestionnaireOn(q.questionnaire, q.to);
  out.query = q;
  TallyQuery t = TallyFor(a, q, *out.questionnaire, units);
  Conn c = db_.Lease();
  int sat = method_.satisfied_from;
  auto all = SipasStore::Tallies(c, t, "", sat);
  const GroupTally none;
  const GroupTally& g = all.count("") ? all.at("") : none;
  out.all = ComputeIndex(*out.questionnaire, g.items, g.responses);
  for (auto& [month, tally] : SipasStore::Tallies(c, t, "month", sat))
    out.months.push_back(
        {month, "", ComputeIndex(*out.questionnaire, tally.items, tally.responses)});
  for (auto& [channel, tally] : SipasStore::Tallies(c, t, "channel", sat))
    out.channels.push_back(
        {channel, "", ComputeIndex(*out.questionnaire, tally.items, tally.responses)});
  auto procedures = Procedures(a);
  for (auto& [pid, tally] : SipasStore::Tallies(c, t, "procedure", sat)) {
    if (pid.empty()) continue;  // answers not tied to a dossier
    auto it = procedures.find(std::stoll(pid));
    out.procedures.push_back({it == procedures.end() ? pid : it->second.code,
                              it == procedures.end() ? "" : it->second.name,
                              ComputeIndex(*out.questionnaire, tally.items, tally.responses)});
  }
  std::sort(out.procedures.begin(), out.procedures.end(),
            [](const GroupIndex& x, const GroupIndex& y) {
              return x.index.responses > y.index.responses;
            });
  // Yamane's N: the dossiers received in the period, where the actor may read the register.
  if (access::HasPermission(a.who, access::kServicesRead))
    out.dossiers =
        services_.Statistics(a, q.from, q.to, q.unit_code, q.procedure_code).counts.received;
  out.sample_needed = YamaneSample(out.dossiers, method_.margin);
  out.sample_reached = out.all.responses >= out.sample_needed;
  out.target = method_.target;
  if (out.all.index) out.above_target = *out.all.index > method_.target;
  return out;
}

std::vector<SipasStore::AnswerRow> SipasService::ExportAnswers(const Actor& a, const IndexQuery& q,
                                                               long long max_rows) {
  auto units = Units(a, access::kSipasRead);
  if (units.empty()) throw Error(gen_errors::kOutOfScope);
  const Questionnaire& qn = QuestionnaireOn(q.questionnaire, q.to);
  TallyQuery t = TallyFor(a, q, qn, units);
  Conn c = db_.Lease();
  return SipasStore::Answers(c, t, max_rows);
}

std::map<long long, IndexResult> SipasService::IndexByUnit(Conn& c, long long commune_id, Date from,
                                                           Date to) {
  const Questionnaire& q = QuestionnaireOn("", to);
  TallyQuery t;
  t.commune_id = commune_id;
  t.questionnaire = q.set;
  t.from = from;
  t.to = to;
  std::map<long long, IndexResult> out;
  for (auto& [unit, tally] : SipasStore::Tallies(c, t, "unit", method_.satisfied_from))
    out[std::stoll(unit)] = ComputeIndex(q, tally.items, tally.responses);
  return out;
}

long long SipasService::DissatisfiedDossiers(const Actor& a, Date from, Date to) {
  auto units = Units(a, access::kSipasRead);
  if (units.empty()) return 0;
  IndexQuery q;
  q.from = from;
  q.to = to;
  TallyQuery t = TallyFor(a, q, QuestionnaireOn("", to), units);
  Conn c = db_.Lease();
  // Below the neutral level ("Bình thường" on the 5-level scale): not satisfied.
  return SipasStore::DossiersRatedBelow(c, t, method_.satisfied_from - 1);
}

std::vector<Kiosk> SipasService::ListKiosks(const Actor& a) {
  std::vector<long long> ids;
  for (const auto& u : Units(a, access::kSipasWrite)) ids.push_back(u.id);
  Conn c = db_.Lease();
  return SipasStore::Kiosks(c, ids);
}

Kiosk SipasService::CreateKiosk(const Actor& a, long long unit_id, const std::string& name) {
  const services::ServiceUnit* unit = nullptr;
  auto units = Units(a, access::kSipasWrite);
  for (const auto& u : units)
    if (u.id == unit_id) unit = &u;
  if (!unit) throw Error(gen_errors::kOutOfScope, "unit_id");
  if (name.empty()) throw Error(gen_errors::kRequired, "name");
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  unsigned char raw[16];
  randombytes_buf(raw, sizeof raw);
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
  Kiosk k;
  k.commune_id = unit->commune_id;
  k.unit_id = unit->id;
  k.name = name;
  k.token = hex;
  Conn c = db_.Lease();
  Tx tx(c);
  k.id = SipasStore::InsertKiosk(c, k, a.audit_name, clock::NowIsoUtc());
  store::AppendAudit(
      c, a, "create", "sipas_kiosk", k.id, k.commune_id, std::nullopt,
      boost::json::serialize(boost::json::object{{"unit_id", k.unit_id}, {"name", k.name}}));
  tx.Commit();
  return k;
}

void SipasService::SetKioskActive(const Actor& a, long long id, bool active) {
  Conn c = db_.Lease();
  auto k = SipasStore::KioskById(c, id);
  bool in_scope = false;
  if (k)
    for (const auto& u : Units(a, access::kSipasWrite)) in_scope = in_scope || u.id == k->unit_id;
  if (!in_scope) throw Error(errors::kKioskNotFound, "id");
  Tx tx(c);
  SipasStore::SetKioskActive(c, id, active);
  store::AppendAudit(c, a, active ? "activate" : "deactivate", "sipas_kiosk", id, k->commune_id,
                     std::nullopt, std::nullopt);
  tx.Commit();
}

}  // namespace kientao::sipas
