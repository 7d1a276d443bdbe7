#include "modules/sipas/store/sipas_store.hpp"

#include <sodium.h>

#include <stdexcept>

namespace kientao::sipas {

using store::Conn;
using store::Value;

const char* ChannelCode(Channel c) {
  switch (c) {
    case Channel::kQr:
      return "qr";
    case Channel::kKiosk:
      return "kiosk";
    case Channel::kPaper:
      return "paper";
  }
  return "qr";
}

std::optional<Channel> ParseChannel(std::string_view s) {
  if (s == "qr") return Channel::kQr;
  if (s == "kiosk") return Channel::kKiosk;
  if (s == "paper") return Channel::kPaper;
  return std::nullopt;
}

std::string SipasStore::Key(Conn& c) {
  if (auto r = c.QueryOne("SELECT secret FROM sipas_keys WHERE id = 1")) return r->Str(0);
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  unsigned char raw[32];
  randombytes_buf(raw, sizeof raw);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
  // Two processes starting together: the second's insert is ignored and both read the first key.
  c.Exec("INSERT INTO sipas_keys (id, secret) VALUES (1, :1) ON CONFLICT (id) DO NOTHING",
         {std::string(hex)});
  return c.QueryOne("SELECT secret FROM sipas_keys WHERE id = 1")->Str(0);
}

namespace {

Value Opt(const std::optional<long long>& v) { return v ? Value{*v} : Value{}; }

// The WHERE clause of a tally query on sipas_responses r, its values appended to `params`.
std::string Where(const TallyQuery& q, std::vector<Value>& params) {
  auto bind = [&](Value v) {
    params.push_back(std::move(v));
    return ":" + std::to_string(params.size());
  };
  std::string ids;
  for (long long id : q.unit_ids) ids += (ids.empty() ? "" : ", ") + std::to_string(id);
  std::string w = q.commune_id ? "r.commune_id = " + bind(*q.commune_id)
                               : "r.unit_id IN (" + (ids.empty() ? std::string("0") : ids) + ")";
  w += " AND r.questionnaire = " + bind(q.questionnaire);
  w += " AND r.answered_on >= " + bind(q.from.ToIso());
  w += " AND r.answered_on <= " + bind(q.to.ToIso());
  if (q.channel) w += " AND r.channel = " + bind(std::string(ChannelCode(*q.channel)));
  if (q.procedure_id) w += " AND r.procedure_id = " + bind(*q.procedure_id);
  return w;
}

std::string GroupExpr(const std::string& group) {
  if (group.empty()) return "''";
  if (group == "month") return "SUBSTR(r.answered_on, 1, 7)";
  if (group == "channel") return "r.channel";
  if (group == "procedure") return "COALESCE(CAST(r.procedure_id AS TEXT), '')";
  if (group == "unit") return "CAST(r.unit_id AS TEXT)";
  throw std::invalid_argument("tally group " + group);
}

}  // namespace

long long SipasStore::Insert(Conn& c, const Reply& r) {
  long long id = c.InsertId(
      "INSERT INTO sipas_responses (commune_id, unit_id, questionnaire, questionnaire_file, "
      "channel, dossier_id, procedure_id, kiosk_id, answered_on, answered_at, entered_by) VALUES "
      "(:1, :2, :3, :4, :5, :6, :7, :8, :9, :10, :11) RETURNING id",
      {r.commune_id, r.unit_id, r.questionnaire, r.questionnaire_file,
       std::string(ChannelCode(r.channel)), Opt(r.dossier_id), Opt(r.procedure_id), Opt(r.kiosk_id),
       r.answered_on.ToIso(), r.answered_at, r.entered_by});
  std::vector<std::vector<Value>> rows;
  for (const auto& [item, level] : r.answers)
    rows.push_back({id, item, static_cast<long long>(level)});
  c.ExecMany("INSERT INTO sipas_answers (response_id, item, level) VALUES (:1, :2, :3)", rows);
  return id;
}

bool SipasStore::DossierAnswered(Conn& c, long long dossier_id) {
  return c.QueryOne("SELECT 1 FROM sipas_responses WHERE dossier_id = :1", {dossier_id})
      .has_value();
}

long long SipasStore::DossiersRatedBelow(Conn& c, const TallyQuery& q, int level) {
  std::vector<Value> params{static_cast<long long>(level)};
  std::string where = Where(q, params);
  auto r = c.QueryOne(
      "SELECT COUNT(DISTINCT r.dossier_id) FROM sipas_responses r JOIN sipas_answers a ON "
      "a.response_id = r.id WHERE r.dossier_id IS NOT NULL AND a.level < :1 AND " +
          where,
      params);
  return r && !r->IsNull(0) ? r->Int(0) : 0;
}

std::map<std::string, GroupTally> SipasStore::Tallies(Conn& c, const TallyQuery& q,
                                                      const std::string& group,
                                                      int satisfied_from) {
  std::map<std::string, GroupTally> out;
  std::string g = GroupExpr(group);
  // PostgreSQL refuses a constant in GROUP BY: the whole ("") is one group without it.
  std::string by = group.empty() ? "" : " GROUP BY " + g;
  std::string by_item = group.empty() ? " GROUP BY a.item" : " GROUP BY " + g + ", a.item";
  {
    std::vector<Value> params;
    std::string where = Where(q, params);
    for (auto& row :
         c.Query("SELECT " + g + ", COUNT(*) FROM sipas_responses r WHERE " + where + by, params))
      out[row.Str(0)].responses = row.Int(1);
  }
  std::vector<Value> params{static_cast<long long>(satisfied_from)};
  std::string where = Where(q, params);
  for (auto& row : c.Query("SELECT " + g +
                               ", a.item, COUNT(*), SUM(CASE WHEN a.level >= :1 THEN 1 ELSE 0 "
                               "END) FROM sipas_answers a JOIN sipas_responses r ON r.id = "
                               "a.response_id WHERE " +
                               where + by_item,
                           params))
    out[row.Str(0)].items[row.Str(1)] = {row.Int(2), row.Int(3)};
  return out;
}

std::vector<SipasStore::AnswerRow> SipasStore::Answers(Conn& c, const TallyQuery& q,
                                                       long long max_rows) {
  std::vector<Value> params;
  std::string where = Where(q, params);
  params.push_back(max_rows);
  std::vector<AnswerRow> out;
  std::map<long long, size_t> at;
  for (auto& row :
       c.Query("SELECT r.id, r.unit_id, r.questionnaire, r.channel, r.procedure_id, "
               "r.answered_on FROM sipas_responses r WHERE " +
                   where + " ORDER BY r.answered_on, r.id LIMIT :" + std::to_string(params.size()),
               params)) {
    AnswerRow a;
    a.id = row.Int(0);
    a.unit_id = row.Int(1);
    a.questionnaire = row.Str(2);
    a.channel = row.Str(3);
    if (!row.IsNull(4)) a.procedure_id = row.Int(4);
    a.answered_on = *Date::ParseIso(row.Str(5));
    at[a.id] = out.size();
    out.push_back(std::move(a));
  }
  if (out.empty()) return out;
  params.pop_back();
  for (auto& row : c.Query("SELECT a.response_id, a.item, a.level FROM sipas_answers a JOIN "
                           "sipas_responses r ON r.id = a.response_id WHERE " +
                               where,
                           params))
    if (auto it = at.find(row.Int(0)); it != at.end())
      out[it->second].answers[row.Str(1)] = static_cast<int>(row.Int(2));
  return out;
}

long long SipasStore::InsertKiosk(Conn& c, const Kiosk& k, const std::string& actor,
                                  const std::string& at) {
  return c.InsertId(
      "INSERT INTO sipas_kiosks (commune_id, unit_id, name, token, active, created_by, "
      "created_at) VALUES (:1, :2, :3, :4, 1, :5, :6) RETURNING id",
      {k.commune_id, k.unit_id, k.name, k.token, actor, at});
}

namespace {

constexpr const char* kKioskColumns =
    "SELECT id, commune_id, unit_id, name, token, active, created_at FROM sipas_kiosks ";

Kiosk KioskOf(const store::Row& r) {
  return {r.Int(0), r.Int(1), r.Int(2), r.Str(3), r.Str(4), r.Int(5) != 0, r.Str(6)};
}

}  // namespace

std::vector<Kiosk> SipasStore::Kiosks(Conn& c, const std::vector<long long>& unit_ids) {
  std::string ids;
  for (long long id : unit_ids) ids += (ids.empty() ? "" : ", ") + std::to_string(id);
  std::vector<Kiosk> out;
  for (auto& r : c.Query(std::string(kKioskColumns) + "WHERE unit_id IN (" +
                         (ids.empty() ? std::string("0") : ids) + ") ORDER BY active DESC, id"))
    out.push_back(KioskOf(r));
  return out;
}

std::optional<Kiosk> SipasStore::KioskByToken(Conn& c, const std::string& token) {
  auto r = c.QueryOne(std::string(kKioskColumns) + "WHERE token = :1", {token});
  if (!r) return std::nullopt;
  return KioskOf(*r);
}

std::optional<Kiosk> SipasStore::KioskById(Conn& c, long long id) {
  auto r = c.QueryOne(std::string(kKioskColumns) + "WHERE id = :1", {id});
  if (!r) return std::nullopt;
  return KioskOf(*r);
}

void SipasStore::SetKioskActive(Conn& c, long long id, bool active) {
  c.Exec("UPDATE sipas_kiosks SET active = :1 WHERE id = :2",
         {static_cast<long long>(active ? 1 : 0), id});
}

}  // namespace kientao::sipas
