#include "modules/services/store/services_store.hpp"

#include <array>
#include <map>
#include <tuple>

#include <boost/json.hpp>

#include "base/clock.hpp"
#include "base/text.hpp"
#include "store/digest.hpp"

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
    "d.fee_paid_online, d.handler, d.status, p.code, p.name, p.online_level, d.extra, p.sector, "
    "d.public_token "
    "FROM "
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
  o.sector = r.Str(20);
  o.public_token = r.OptStr(21).value_or("");
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

// The counts of services_daily (migrations/0002_daily_counts.sql), by (unit, procedure, day).
constexpr size_t kDailyCounts = 13;
const char* kDailyColumns[kDailyCounts] = {
    "received", "online", "post",   "full_process", "paid_online", "returned",  "early",
    "on_time",  "late",   "closed", "closed_late",  "due",         "due_closed"};
enum DailyCol {
  kReceived,
  kOnline,
  kPost,
  kFullProcess,
  kPaidOnline,
  kReturned,
  kEarly,
  kOnTime,
  kLate,
  kClosed,
  kClosedLate,
  kDue,
  kDueClosed
};
struct Daily {
  long long commune_id = 0;
  std::array<long long, kDailyCounts> n{};
};
using DailyKey =
    std::tuple<long long, long long, std::string, long>;  // unit, procedure, handler, day number
using DailyDeltas = std::map<DailyKey, Daily>;

// What dossier `d` adds to the daily counts (sign +1), or takes from them (−1).
void AddDaily(DailyDeltas& acc, long long commune_id, const DossierDraft& d, int sign) {
  auto add = [&](Date day, DailyCol col) {
    Daily& x = acc[{d.unit_id, d.procedure_id, d.handler, day.DaysSinceEpoch()}];
    x.commune_id = commune_id;
    x.n[col] += sign;
  };
  bool other = d.status == Status::kRefused || d.status == Status::kWithdrawn;
  add(d.received_on, kReceived);
  if (d.channel == Channel::kOnline) add(d.received_on, kOnline);
  if (d.channel == Channel::kPost) add(d.received_on, kPost);
  if (d.full_process_online) add(d.received_on, kFullProcess);
  if (d.fee_paid_online) add(d.received_on, kPaidOnline);
  if (d.returned_on) {
    add(*d.returned_on, kReturned);
    Timeliness t = TimelinessOf(d.due_on, *d.returned_on);
    add(*d.returned_on, t == Timeliness::kEarly    ? kEarly
                        : t == Timeliness::kOnTime ? kOnTime
                                                   : kLate);
    if (t == Timeliness::kLate && !other) add(*d.returned_on, kClosedLate);
  }
  if (other)
    add(d.received_on, kClosed);
  else if (d.returned_on)
    add(*d.returned_on, kClosed);
  add(d.due_on, kDue);
  if (other || (d.returned_on && *d.returned_on <= d.due_on)) add(d.due_on, kDueClosed);
}

void WriteDaily(Conn& c, const DailyDeltas& acc) {
  static const std::string sql = [] {
    std::string cols, vals, set;
    for (size_t k = 0; k < kDailyCounts; ++k) {
      std::string name = kDailyColumns[k];
      cols += ", " + name;
      vals += ", :" + std::to_string(k + 6);
      set +=
          std::string(k ? ", " : "") + name + " = services_daily." + name + " + excluded." + name;
    }
    return "INSERT INTO services_daily (commune_id, unit_id, procedure_id, handler, day" + cols +
           ") VALUES (:1, :2, :3, :4, :5" + vals +
           ") ON CONFLICT (unit_id, procedure_id, handler, day) DO UPDATE SET " + set;
  }();
  std::vector<std::vector<Value>> rows;
  rows.reserve(acc.size());
  for (const auto& [key, x] : acc) {
    std::vector<Value> r = {x.commune_id, std::get<0>(key), std::get<1>(key), std::get<2>(key),
                            Date::FromDaysSinceEpoch(std::get<3>(key)).ToIso()};
    for (long long v : x.n) r.emplace_back(v);
    rows.push_back(std::move(r));
  }
  c.ExecMany(sql, rows);
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

std::string ServicesStore::SlipToken(Conn& c, long long id) {
  auto r = c.QueryOne("SELECT public_token FROM services_dossiers WHERE id = :1", {id});
  if (r && !r->IsNull(0)) return r->Str(0);
  std::string token = store::RandomHex(16);  // 128 random bits: not guessable from the code
  c.Exec("UPDATE services_dossiers SET public_token = :1 WHERE id = :2", {token, id});
  return token;
}

std::optional<DossierRow> ServicesStore::FindByToken(Conn& c, const std::string& token) {
  auto r =
      c.QueryOne(std::string("SELECT ") + kDossierColumns + " WHERE d.public_token = :1", {token});
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

const std::string kInsertDossierInto =
    "INSERT INTO services_dossiers (commune_id, code, procedure_id, unit_id, applicant_name, "
    "applicant_key, citizen_id, received_on, received_time, channel, full_process_online, due_on, "
    "returned_on, fee_paid_online, handler, status, extra, updated_by, updated_at, public_token)";
const std::string kInsertDossier =
    kInsertDossierInto +
    " VALUES (:1, :2, :3, :4, :5, :6, :7, :8, :9, :10, :11, :12, :13, :14, :15, :16, :17, :18, "
    ":19, :20)";

std::vector<Value> InsertValues(long long commune_id, const DossierDraft& d,
                                const std::string& extra, const std::string& by,
                                const std::string& at) {
  std::vector<Value> v = DossierValues(d);
  v.insert(v.begin(), commune_id);
  v.emplace_back(extra);
  v.emplace_back(by);
  v.emplace_back(at);
  v.resize(v.size() + 1);  // NULL: the lookup token: given when a slip is made (SlipToken)
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

struct ServicesStore::DailyTally::Sums {
  DailyDeltas deltas;
};

ServicesStore::DailyTally::DailyTally() : sums_(std::make_unique<Sums>()) {}
ServicesStore::DailyTally::~DailyTally() = default;

void ServicesStore::DailyTally::Add(long long commune_id, const DossierDraft& d) {
  AddDaily(sums_->deltas, commune_id, d, +1);
}

void ServicesStore::DailyTally::Write(Conn& c) {
  WriteDaily(c, sums_->deltas);
  sums_->deltas.clear();
}

std::vector<Value> ServicesStore::NewDossierRow(long long commune_id, const DossierDraft& d,
                                                const std::string& extra, const std::string& by,
                                                const std::string& at, DailyTally& tally) {
  tally.Add(commune_id, d);
  return InsertValues(commune_id, d, extra, by, at);
}

void ServicesStore::InsertDossiers(Conn& c, const std::vector<std::vector<Value>>& rows) {
  c.InsertMany(kInsertDossierInto, rows);
}

long long ServicesStore::InsertDossier(Conn& c, long long commune_id, const DossierDraft& d,
                                       const std::string& extra, const std::string& by) {
  long long id = c.InsertId(kInsertDossier + " RETURNING id",
                            InsertValues(commune_id, d, extra, by, clock::NowIsoUtc()));
  DailyDeltas daily;
  AddDaily(daily, commune_id, d, +1);
  WriteDaily(c, daily);
  return id;
}

void ServicesStore::UpdateDossier(Conn& c, long long id, long long commune_id,
                                  const DossierDraft& old, const DossierDraft& d,
                                  const std::string& extra, const std::string& by) {
  DailyDeltas daily;
  AddDaily(daily, commune_id, old, -1);
  AddDaily(daily, commune_id, d, +1);
  WriteDaily(c, daily);
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

std::vector<ColumnMapping> ServicesStore::Mappings(Conn& c, long long commune_id) {
  std::vector<ColumnMapping> out;
  for (auto& r : c.Query("SELECT source, header_row, columns FROM services_import_mappings WHERE "
                         "commune_id = :1 ORDER BY source",
                         {commune_id})) {
    ColumnMapping m;
    m.source = r.Str(0);
    m.header_row = static_cast<int>(r.Int(1));
    boost::json::value columns = boost::json::parse(r.Str(2));
    for (const auto& [k, v] : columns.as_object())
      m.columns[std::string(k)] = std::string(v.as_string());
    out.push_back(std::move(m));
  }
  return out;
}

void ServicesStore::SaveMapping(Conn& c, long long commune_id, const ColumnMapping& m,
                                const std::string& by) {
  boost::json::object columns;
  for (const auto& [k, v] : m.columns) columns[k] = v;
  c.Exec(
      "INSERT INTO services_import_mappings (commune_id, source, header_row, columns, updated_by, "
      "updated_at) VALUES (:1, :2, :3, :4, :5, :6) ON CONFLICT (commune_id, source) DO UPDATE SET "
      "header_row = excluded.header_row, columns = excluded.columns, updated_by = "
      "excluded.updated_by, updated_at = excluded.updated_at",
      {commune_id, m.source, static_cast<long long>(m.header_row), boost::json::serialize(columns),
       by, clock::NowIsoUtc()});
}

void ServicesStore::AddStep(Conn& c, long long dossier_id, const DossierEvent& e) {
  c.Exec(
      "INSERT INTO services_dossier_events (dossier_id, at, kind, note, actor, form, day, due_on) "
      "VALUES (:1, :2, :3, :4, :5, :6, :7, :8)",
      {dossier_id, clock::NowIsoVn(), e.kind, e.note, e.actor, e.form,
       e.day ? Value{e.day->ToIso()} : Value{}, e.due_on ? Value{e.due_on->ToIso()} : Value{}});
}

std::vector<DossierEvent> ServicesStore::Events(Conn& c, long long dossier_id) {
  std::vector<DossierEvent> out;
  for (auto& r : c.Query("SELECT at, kind, note, actor, form, day, due_on FROM "
                         "services_dossier_events WHERE dossier_id = :1 ORDER BY id",
                         {dossier_id})) {
    DossierEvent e{r.Str(0), r.Str(1), r.Str(2), r.Str(3), r.Str(4), std::nullopt, std::nullopt};
    if (!r.IsNull(5)) e.day = Date::ParseIso(r.Str(5));
    if (!r.IsNull(6)) e.due_on = Date::ParseIso(r.Str(6));
    out.push_back(std::move(e));
  }
  return out;
}

namespace {

// The selection of services_daily (after FROM services_daily s JOIN services_procedures p), with
// :1 = from and :2 = to already in `params`.
std::string StatsWhere(const StatsQuery& q, std::vector<Value>& params) {
  params = {q.from.ToIso(), q.to.ToIso()};
  std::string where = " WHERE s.unit_id" + InList(q.unit_ids, params);
  if (!q.procedure_code.empty()) {
    params.emplace_back(q.procedure_code);
    where += " AND p.code = :" + std::to_string(params.size());
  }
  return where;
}

const char* kDailyFrom =
    " FROM services_daily s JOIN services_procedures p ON p.id = s.procedure_id";

// `select` over the selection's days in [from, to], then "GROUP BY `group`" and its order.
std::vector<store::Row> DailyGroups(Conn& c, const StatsQuery& q, const std::string& select,
                                    const std::string& group) {
  std::vector<Value> params;
  std::string where = StatsWhere(q, params);
  return c.Query("SELECT " + select + kDailyFrom + where +
                     " AND s.day >= :1 AND s.day <= :2 GROUP BY " + group,
                 params);
}

}  // namespace

StatsCounts ServicesStore::Counts(Conn& c, const StatsQuery& q) {
  std::vector<Value> params;
  std::string where = StatsWhere(q, params);
  const std::string in = "s.day >= :1 AND s.day <= :2";
  auto sum = [](const std::string& cond, const std::string& what) {
    return "SUM(CASE WHEN " + cond + " THEN " + what + " ELSE 0 END)";
  };
  // Open at a day's end: received by then less closed by then. Overdue at the period's end: due
  // before its last day and not closed by the appointment, less those closed late by the end.
  std::string sql =
      "SELECT " + sum(in, "s.received") + ", " + sum(in, "s.online") + ", " +
      sum(in, "s.full_process") + ", " + sum(in + " AND p.online_level = 'full'", "s.received") +
      ", " + sum(in, "s.returned") + ", " + sum(in, "s.early") + ", " + sum(in, "s.on_time") +
      ", " + sum(in, "s.late") + ", " + sum("s.day < :1", "s.received - s.closed") + ", " +
      sum(in, "s.closed_late") + ", " + sum(in + " AND p.fee > 0", "s.received") + ", " +
      sum(in + " AND p.fee > 0", "s.paid_online") + ", " +
      sum("s.day < :2", "s.due - s.due_closed") + " - " + sum("s.day <= :2", "s.closed_late") +
      ", " + sum(in, "s.post") + kDailyFrom + where + " AND s.day <= :2";
  auto r = c.QueryOne(sql, params);
  auto at = [&](size_t i) { return r && !r->IsNull(i) ? r->Int(i) : 0LL; };
  StatsCounts s;
  s.received = at(0);
  s.online = at(1);
  s.full_process_online = at(2);
  s.received_full_procedures = at(3);
  s.resolved = at(4);
  s.early = at(5);
  s.on_time = at(6);
  s.late = at(7);
  long long carried = at(8);
  s.overdue_open = at(12);
  s.to_handle = s.received + carried;
  s.late_to_handle = at(9) + s.overdue_open;
  s.with_fee = at(10);
  s.paid_online = at(11);
  s.post = at(13);
  return s;
}

std::vector<ServicesStore::ProcedureRow> ServicesStore::ByProcedure(Conn& c, const StatsQuery& q) {
  std::vector<ProcedureRow> out;
  for (auto& r : DailyGroups(c, q,
                             "p.code, p.name, p.sector, p.online_level, SUM(s.received), "
                             "SUM(s.full_process), SUM(s.returned), SUM(s.early + s.on_time), "
                             "SUM(s.late)",
                             "p.code, p.name, p.sector, p.online_level ORDER BY SUM(s.received) "
                             "DESC, p.code")) {
    ProcedureRow p;
    p.code = r.Str(0);
    p.name = r.Str(1);
    p.sector = r.Str(2);
    p.online_level = ParseOnlineLevel(r.Str(3)).value_or(OnlineLevel::kNone);
    p.received = r.Int(4);
    p.full_process_online = r.Int(5);
    p.resolved = r.Int(6);
    p.in_time = r.Int(7);
    p.late = r.Int(8);
    if (p.received || p.resolved) out.push_back(p);
  }
  return out;
}

std::vector<ServicesStore::HandlerRow> ServicesStore::ByHandler(Conn& c, const StatsQuery& q) {
  std::vector<HandlerRow> out;
  for (auto& r : DailyGroups(c, q,
                             "s.handler, SUM(s.received), SUM(s.returned), SUM(s.early + "
                             "s.on_time), SUM(s.late)",
                             "s.handler ORDER BY SUM(s.returned) DESC, s.handler")) {
    HandlerRow h{r.Str(0), r.Int(1), r.Int(2), r.Int(3), r.Int(4)};
    if (h.received || h.resolved) out.push_back(h);
  }
  return out;
}

std::vector<HandlerCounts> ServicesStore::ReturnedByHandler(Conn& c, long long commune_id,
                                                            Date from, Date to) {
  std::vector<HandlerCounts> out;
  for (auto& r : c.Query("SELECT handler, SUM(returned), SUM(early + on_time) FROM services_daily "
                         "WHERE commune_id = :1 AND day >= :2 AND day <= :3 GROUP BY handler "
                         "HAVING SUM(returned) > 0",
                         {commune_id, from.ToIso(), to.ToIso()}))
    out.push_back({r.Str(0), r.Int(1), r.Int(2)});
  return out;
}

std::vector<ServicesStore::MonthRow> ServicesStore::ByMonth(Conn& c, const StatsQuery& q) {
  std::vector<MonthRow> out;
  for (auto& r : DailyGroups(c, q,
                             "SUBSTR(s.day, 1, 7), SUM(s.received), SUM(s.full_process), SUM(CASE "
                             "WHEN p.online_level = 'full' THEN s.received ELSE 0 END), "
                             "SUM(s.returned), SUM(s.early + s.on_time)",
                             "SUBSTR(s.day, 1, 7) ORDER BY 1")) {
    MonthRow m;
    m.month = r.Str(0);
    m.received = r.Int(1);
    m.full_process_online = r.Int(2);
    m.received_full_procedures = r.Int(3);
    m.resolved = r.Int(4);
    m.in_time = r.Int(5);
    if (m.received || m.resolved) out.push_back(m);
  }
  return out;
}

}  // namespace kientao::services
