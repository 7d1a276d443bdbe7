#include "modules/services/store/services_store.hpp"

#include <map>

#include "base/clock.hpp"
#include "base/text.hpp"

namespace kientao::services {

using store::Conn;
using store::Row;
using store::Value;

namespace {

const char* kProcedureColumns =
    "id, commune_id, code, name, sector, online_level, handling_days, fee FROM services_procedures";

Procedure ProcedureOf(const Row& r) {
  Procedure p;
  p.id = r.Int(0);
  p.commune_id = r.Int(1);
  p.code = r.Str(2);
  p.name = r.Str(3);
  p.sector = r.Str(4);
  p.online_level = ParseOnlineLevel(r.Str(5)).value_or(OnlineLevel::kNone);
  p.handling_days = static_cast<int>(r.Int(6));
  if (!r.IsNull(7)) p.fee = r.Int(7);
  return p;
}

const char* kDossierColumns =
    "d.id, d.commune_id, d.code, d.procedure_id, d.unit_id, d.applicant_name, d.citizen_id, "
    "d.received_on, d.received_time, d.channel, d.full_process_online, d.due_on, d.returned_on, "
    "d.fee_paid_online, d.handler, d.status, p.code, p.name, p.online_level, d.extra FROM "
    "services_dossiers d JOIN services_procedures p ON p.id = d.procedure_id";

DossierRow DossierOf(const Row& r) {
  DossierRow o;
  o.id = r.Int(0);
  o.commune_id = r.Int(1);
  DossierDraft& d = o.d;
  d.code = r.Str(2);
  d.procedure_id = r.Int(3);
  d.unit_id = r.Int(4);
  d.applicant_name = r.Str(5);
  d.citizen_id = r.Str(6);
  d.received_on = *Date::ParseIso(r.Str(7));
  d.received_time = r.OptStr(8).value_or("");
  d.channel = ParseChannel(r.Str(9)).value_or(Channel::kCounter);
  d.full_process_online = r.Int(10) != 0;
  d.due_on = *Date::ParseIso(r.Str(11));
  if (auto s = r.OptStr(12)) d.returned_on = Date::ParseIso(*s);
  d.fee_paid_online = r.Int(13) != 0;
  d.handler = r.Str(14);
  d.status = ParseStatus(r.Str(15)).value_or(Status::kReceived);
  o.procedure_code = r.Str(16);
  o.procedure_name = r.Str(17);
  o.online_level = ParseOnlineLevel(r.Str(18)).value_or(OnlineLevel::kNone);
  o.extra = r.Str(19);
  return o;
}

// " IN (:k, :k+1, …)" for `ids`, appended to `params`; " IN (NULL)" (matching nothing) when empty.
std::string InList(const std::vector<long long>& ids, std::vector<Value>& params) {
  if (ids.empty()) return " IN (NULL)";
  std::string s = " IN (";
  for (size_t i = 0; i < ids.size(); ++i) {
    params.emplace_back(ids[i]);
    s += (i ? ", :" : ":") + std::to_string(params.size());
  }
  return s + ")";
}

std::vector<Value> DossierValues(const DossierDraft& d) {
  return {d.code,
          d.procedure_id,
          d.unit_id,
          d.applicant_name,
          text::Fold(d.applicant_name),
          d.citizen_id,
          d.received_on.ToIso(),
          d.received_time.empty() ? Value{} : Value{d.received_time},
          std::string(ChannelCode(d.channel)),
          static_cast<long long>(d.full_process_online),
          d.due_on.ToIso(),
          d.returned_on ? Value{d.returned_on->ToIso()} : Value{},
          static_cast<long long>(d.fee_paid_online),
          d.handler,
          std::string(StatusCode(d.status))};
}

}  // namespace

std::vector<Procedure> ServicesStore::ListProcedures(Conn& c,
                                                     const std::vector<long long>& commune_ids) {
  std::vector<Value> params;
  std::string sql = std::string("SELECT ") + kProcedureColumns + " WHERE commune_id" +
                    InList(commune_ids, params) + " ORDER BY sector, code";
  std::vector<Procedure> out;
  for (auto& r : c.Query(sql, params)) out.push_back(ProcedureOf(r));
  return out;
}

std::optional<Procedure> ServicesStore::GetProcedure(Conn& c, long long id) {
  auto r = c.QueryOne(std::string("SELECT ") + kProcedureColumns + " WHERE id = :1", {id});
  if (!r) return std::nullopt;
  return ProcedureOf(*r);
}

std::optional<Procedure> ServicesStore::FindProcedure(Conn& c, long long commune_id,
                                                      const std::string& code) {
  auto r = c.QueryOne(
      std::string("SELECT ") + kProcedureColumns + " WHERE commune_id = :1 AND code = :2",
      {commune_id, code});
  if (!r) return std::nullopt;
  return ProcedureOf(*r);
}

long long ServicesStore::InsertProcedure(Conn& c, long long commune_id, const ProcedureDraft& p,
                                         const std::string& extra, const std::string& by) {
  return c.InsertId(
      "INSERT INTO services_procedures (commune_id, code, name, sector, online_level, "
      "handling_days, fee, extra, updated_by, updated_at) VALUES (:1, :2, :3, :4, :5, :6, :7, :8, "
      ":9, :10) RETURNING id",
      {commune_id, p.code, p.name, p.sector, std::string(OnlineLevelCode(p.online_level)),
       static_cast<long long>(p.handling_days), p.fee ? Value{*p.fee} : Value{}, extra, by,
       clock::NowIsoUtc()});
}

void ServicesStore::UpdateProcedure(Conn& c, long long id, const ProcedureDraft& p,
                                    const std::string& extra, const std::string& by) {
  c.Exec(
      "UPDATE services_procedures SET name = :1, sector = :2, online_level = :3, handling_days = "
      ":4, fee = :5, extra = :6, updated_by = :7, updated_at = :8 WHERE id = :9",
      {p.name, p.sector, std::string(OnlineLevelCode(p.online_level)),
       static_cast<long long>(p.handling_days), p.fee ? Value{*p.fee} : Value{}, extra, by,
       clock::NowIsoUtc(), id});
}

std::optional<DossierRow> ServicesStore::GetDossier(Conn& c, long long id) {
  auto r = c.QueryOne(std::string("SELECT ") + kDossierColumns + " WHERE d.id = :1", {id});
  if (!r) return std::nullopt;
  return DossierOf(*r);
}

std::optional<long long> ServicesStore::FindDossier(Conn& c, long long commune_id,
                                                    const std::string& code) {
  auto r = c.QueryOne("SELECT id FROM services_dossiers WHERE commune_id = :1 AND code = :2",
                      {commune_id, code});
  if (!r) return std::nullopt;
  return r->Int(0);
}

namespace {

const char* kInsertDossier =
    "INSERT INTO services_dossiers (commune_id, code, procedure_id, unit_id, applicant_name, "
    "applicant_key, citizen_id, received_on, received_time, channel, full_process_online, due_on, "
    "returned_on, fee_paid_online, handler, status, extra, updated_by, updated_at) VALUES (:1, :2, "
    ":3, :4, :5, :6, :7, :8, :9, :10, :11, :12, :13, :14, :15, :16, :17, :18, :19)";

std::vector<Value> InsertValues(long long commune_id, const DossierDraft& d,
                                const std::string& extra, const std::string& by,
                                const std::string& at) {
  std::vector<Value> v = DossierValues(d);
  v.insert(v.begin(), commune_id);
  v.emplace_back(extra);
  v.emplace_back(by);
  v.emplace_back(at);
  return v;
}

}  // namespace

std::unordered_map<std::string, long long> ServicesStore::DossierCodes(Conn& c,
                                                                       long long commune_id) {
  std::unordered_map<std::string, long long> out;
  for (auto& r :
       c.Query("SELECT code, id FROM services_dossiers WHERE commune_id = :1", {commune_id}))
    out.emplace(r.Str(0), r.Int(1));
  return out;
}

std::vector<DossierRow> ServicesStore::CommuneDossiers(Conn& c, long long commune_id) {
  std::vector<DossierRow> out;
  for (auto& r :
       c.Query(std::string("SELECT ") + kDossierColumns + " WHERE d.commune_id = :1", {commune_id}))
    out.push_back(DossierOf(r));
  return out;
}

void ServicesStore::InsertDossiers(Conn& c, long long commune_id,
                                   const std::vector<std::pair<DossierDraft, std::string>>& rows,
                                   const std::string& by) {
  std::string at = clock::NowIsoUtc();
  std::vector<std::vector<Value>> values;
  values.reserve(rows.size());
  for (const auto& [d, extra] : rows) values.push_back(InsertValues(commune_id, d, extra, by, at));
  c.ExecMany(kInsertDossier, values);
}

long long ServicesStore::InsertDossier(Conn& c, long long commune_id, const DossierDraft& d,
                                       const std::string& extra, const std::string& by) {
  return c.InsertId(std::string(kInsertDossier) + " RETURNING id",
                    InsertValues(commune_id, d, extra, by, clock::NowIsoUtc()));
}

void ServicesStore::UpdateDossier(Conn& c, long long id, const DossierDraft& d,
                                  const std::string& extra, const std::string& by) {
  std::vector<Value> v = DossierValues(d);
  v.emplace_back(extra);
  v.emplace_back(by);
  v.emplace_back(clock::NowIsoUtc());
  v.emplace_back(id);
  c.Exec(
      "UPDATE services_dossiers SET code = :1, procedure_id = :2, unit_id = :3, applicant_name = "
      ":4, applicant_key = :5, citizen_id = :6, received_on = :7, received_time = :8, channel = "
      ":9, full_process_online = :10, due_on = :11, returned_on = :12, fee_paid_online = :13, "
      "handler = :14, status = :15, extra = :16, updated_by = :17, updated_at = :18 WHERE id = :19",
      v);
}

std::vector<DossierRow> ServicesStore::ListDossiers(Conn& c, const DossierFilter& f,
                                                    long long* total) {
  std::vector<Value> params;
  std::string where = " WHERE d.unit_id" + InList(f.unit_ids, params);
  if (!f.query.empty()) {
    std::string like = "%" + text::EscapeLike(text::Fold(text::NormalizeSpace(f.query))) + "%";
    params.emplace_back(like);
    std::string n = std::to_string(params.size());
    params.emplace_back("%" + text::EscapeLike(text::NormalizeSpace(f.query)) + "%");
    std::string m = std::to_string(params.size());
    where +=
        " AND (d.applicant_key LIKE :" + n + " ESCAPE '\\' OR d.code LIKE :" + m + " ESCAPE '\\')";
  }
  if (!f.status.empty()) {
    params.emplace_back(f.status);
    where += " AND d.status = :" + std::to_string(params.size());
  }
  if (f.procedure_id) {
    params.emplace_back(f.procedure_id);
    where += " AND d.procedure_id = :" + std::to_string(params.size());
  }
  if (f.from) {
    params.emplace_back(f.from->ToIso());
    where += " AND d.received_on >= :" + std::to_string(params.size());
  }
  if (f.to) {
    params.emplace_back(f.to->ToIso());
    where += " AND d.received_on <= :" + std::to_string(params.size());
  }
  if (total)
    *total = c.QueryOne("SELECT COUNT(*) FROM services_dossiers d" + where, params)->Int(0);
  params.emplace_back(static_cast<long long>(f.limit));
  std::string lim = std::to_string(params.size());
  params.emplace_back(static_cast<long long>(f.offset));
  std::string off = std::to_string(params.size());
  std::vector<DossierRow> out;
  for (auto& r :
       c.Query(std::string("SELECT ") + kDossierColumns + where +
                   " ORDER BY d.received_on DESC, d.id DESC LIMIT :" + lim + " OFFSET :" + off,
               params))
    out.push_back(DossierOf(r));
  return out;
}

void ServicesStore::AddEvent(Conn& c, long long dossier_id, const std::string& kind,
                             const std::string& note, const std::string& by) {
  c.Exec(
      "INSERT INTO services_dossier_events (dossier_id, at, kind, note, actor) VALUES (:1, :2, "
      ":3, :4, :5)",
      {dossier_id, clock::NowIsoVn(), kind, note, by});
}

std::vector<DossierEvent> ServicesStore::Events(Conn& c, long long dossier_id) {
  std::vector<DossierEvent> out;
  for (auto& r : c.Query("SELECT at, kind, note, actor FROM services_dossier_events WHERE "
                         "dossier_id = :1 ORDER BY id",
                         {dossier_id}))
    out.push_back({r.Str(0), r.Str(1), r.Str(2), r.Str(3)});
  return out;
}

namespace {

// The selection's WHERE clause (after FROM services_dossiers d JOIN services_procedures p), with
// :1 = from and :2 = to already in `params`.
std::string StatsWhere(const StatsQuery& q, std::vector<Value>& params) {
  params = {q.from.ToIso(), q.to.ToIso()};
  std::string where = " WHERE d.unit_id" + InList(q.unit_ids, params);
  if (!q.procedure_code.empty()) {
    params.emplace_back(q.procedure_code);
    where += " AND p.code = :" + std::to_string(params.size());
  }
  return where;
}

}  // namespace

StatsCounts ServicesStore::Counts(Conn& c, const StatsQuery& q) {
  std::vector<Value> params;
  std::string where = StatsWhere(q, params);
  // Received in [from, to]; returned in it; open at `to` = not returned by then and neither
  // refused nor withdrawn.
  const std::string in = "(d.received_on >= :1 AND d.received_on <= :2)";
  const std::string ret =
      "(d.returned_on IS NOT NULL AND d.returned_on >= :1 AND d.returned_on <= :2)";
  const std::string open_at_end =
      "((d.returned_on IS NULL OR d.returned_on > :2) AND d.received_on <= :2 AND d.status NOT IN "
      "('refused', 'withdrawn'))";
  const std::string carried =
      "(d.received_on < :1 AND (d.returned_on IS NULL OR d.returned_on >= :1) AND d.status NOT IN "
      "('refused', 'withdrawn'))";
  auto sum = [](const std::string& cond) {
    return "SUM(CASE WHEN " + cond + " THEN 1 ELSE 0 END)";
  };
  std::string sql =
      "SELECT " + sum(in) + ", " + sum(in + " AND d.channel = 'online'") + ", " +
      sum(in + " AND d.full_process_online = 1") + ", " + sum(in + " AND p.online_level = 'full'") +
      ", " + sum(ret) + ", " + sum(ret + " AND d.returned_on < d.due_on") + ", " +
      sum(ret + " AND d.returned_on = d.due_on") + ", " +
      sum(ret + " AND d.returned_on > d.due_on") + ", " + sum("(" + in + " OR " + carried + ")") +
      ", " +
      sum("(" + in + " OR " + carried + ") AND ((" + ret + " AND d.returned_on > d.due_on) OR (" +
          open_at_end + " AND d.due_on < :2))") +
      ", " + sum(in + " AND p.fee > 0") + ", " +
      sum(in + " AND p.fee > 0 AND d.fee_paid_online = 1") + ", " +
      sum(open_at_end + " AND d.due_on < :2") +
      " FROM services_dossiers d JOIN services_procedures p ON p.id = d.procedure_id" + where +
      " AND (d.received_on <= :2) AND (d.returned_on IS NULL OR d.returned_on >= :1 OR "
      "d.received_on >= :1)";
  auto r = c.QueryOne(sql, params);
  StatsCounts s;
  auto at = [&](size_t i) { return r && !r->IsNull(i) ? r->Int(i) : 0LL; };
  s.received = at(0);
  s.online = at(1);
  s.full_process_online = at(2);
  s.received_full_procedures = at(3);
  s.resolved = at(4);
  s.early = at(5);
  s.on_time = at(6);
  s.late = at(7);
  s.to_handle = at(8);
  s.late_to_handle = at(9);
  s.with_fee = at(10);
  s.paid_online = at(11);
  s.overdue_open = at(12);
  return s;
}

std::vector<ServicesStore::MonthRow> ServicesStore::ByMonth(Conn& c, const StatsQuery& q) {
  std::vector<Value> params;
  std::string where = StatsWhere(q, params);
  std::map<std::string, MonthRow> months;
  for (auto& r :
       c.Query("SELECT SUBSTR(d.received_on, 1, 7), COUNT(*), SUM(d.full_process_online), SUM(CASE "
               "WHEN p.online_level = 'full' THEN 1 ELSE 0 END) FROM services_dossiers d JOIN "
               "services_procedures p ON p.id = d.procedure_id" +
                   where +
                   " AND d.received_on >= :1 AND d.received_on <= :2 GROUP BY "
                   "SUBSTR(d.received_on, 1, 7)",
               params)) {
    MonthRow& m = months[r.Str(0)];
    m.month = r.Str(0);
    m.received = r.Int(1);
    m.full_process_online = r.Int(2);
    m.received_full_procedures = r.Int(3);
  }
  for (auto& r : c.Query(
           "SELECT SUBSTR(d.returned_on, 1, 7), COUNT(*), SUM(CASE WHEN d.returned_on <= d.due_on "
           "THEN 1 ELSE 0 END) FROM services_dossiers d JOIN services_procedures p ON p.id = "
           "d.procedure_id" +
               where +
               " AND d.returned_on >= :1 AND d.returned_on <= :2 GROUP BY "
               "SUBSTR(d.returned_on, 1, 7)",
           params)) {
    MonthRow& m = months[r.Str(0)];
    m.month = r.Str(0);
    m.resolved = r.Int(1);
    m.in_time = r.Int(2);
  }
  std::vector<MonthRow> out;
  for (auto& [k, v] : months) out.push_back(v);
  return out;
}

}  // namespace kientao::services
