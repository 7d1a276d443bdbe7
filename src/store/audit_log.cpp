#include "store/audit_log.hpp"

#include <sodium.h>

#include "base/clock.hpp"
#include "base/date.hpp"
#include "base/text.hpp"

namespace kientao::store {

std::string Sha256Hex(std::string_view data) {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return text::Hex(std::string_view(reinterpret_cast<const char*>(out), sizeof out));
}

namespace {

// Length-prefixed fields, so no choice of field contents can make two different entries hash alike.
std::string Canonical(const AuditEntry& e) {
  std::string s;
  auto add = [&s](const std::string& v) {
    s += std::to_string(v.size());
    s += ':';
    s += v;
  };
  add(std::to_string(e.seq));
  add(e.at);
  add(e.actor);
  add(e.action);
  add(e.entity);
  add(e.entity_id);
  add(e.commune_id ? std::to_string(*e.commune_id) : "-");
  add(e.before_json ? *e.before_json : "-");
  add(e.after_json ? *e.after_json : "-");
  add(e.remote_addr);
  add(e.prev_hash);
  return s;
}

Value Opt(const std::optional<std::string>& s) { return s ? Value(*s) : Value(); }

const char* kColumns =
    "seq, at, actor, action, entity, entity_id, commune_id, before_json, after_json, remote_addr, "
    "prev_hash, hash, mac";

// The audit key, set once at start.
std::string& Key() {
  static std::string key;
  return key;
}

std::string Seal(const std::string& hash) {
  unsigned char out[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(Key().data()),
                              Key().size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(hash.data()),
                                hash.size());
  crypto_auth_hmacsha256_final(&st, out);
  return text::Hex(std::string_view(reinterpret_cast<const char*>(out), sizeof out));
}

AuditEntry FromRow(const Row& r) {
  AuditEntry e;
  e.seq = r.Int(0);
  e.at = r.Str(1);
  e.actor = r.Str(2);
  e.action = r.Str(3);
  e.entity = r.Str(4);
  e.entity_id = r.Str(5);
  if (!r.IsNull(6)) e.commune_id = r.Int(6);
  e.before_json = r.OptStr(7);
  e.after_json = r.OptStr(8);
  e.remote_addr = r.Str(9);
  e.prev_hash = r.Str(10);
  e.hash = r.Str(11);
  e.mac = r.OptStr(12);
  return e;
}

}  // namespace

void AppendAudit(Conn& c, AuditEntry e) {
  const char* lock = c.backend() == Backend::kPostgres ? " FOR UPDATE" : "";
  auto head =
      c.QueryOne(std::string("SELECT last_seq, last_hash FROM audit_head WHERE one = 1") + lock);
  if (!head) throw DbError("audit_head is missing", false, false);
  e.seq = head->Int(0) + 1;
  e.prev_hash = head->Str(1);
  e.at = clock::NowIsoUtc();
  e.hash = Sha256Hex(Canonical(e));
  if (!Key().empty()) e.mac = Seal(e.hash);
  c.Exec(
      "INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, commune_id, before_json, "
      "after_json, remote_addr, prev_hash, hash, mac) VALUES (:1, :2, :3, :4, :5, :6, :7, :8, :9, "
      ":10, :11, :12, :13)",
      {e.seq, e.at, e.actor, e.action, e.entity, e.entity_id,
       e.commune_id ? Value(*e.commune_id) : Value(), Opt(e.before_json), Opt(e.after_json),
       e.remote_addr, e.prev_hash, e.hash, Opt(e.mac)});
  c.Exec("UPDATE audit_head SET last_seq = :1, last_hash = :2 WHERE one = 1", {e.seq, e.hash});
}

void AppendAudit(Conn& c, const Actor& a, std::string action, std::string entity, long long id,
                 long long commune_id, std::optional<std::string> before,
                 std::optional<std::string> after) {
  AppendAudit(c, a, std::move(action), std::move(entity), std::to_string(id),
              commune_id ? std::optional<long long>(commune_id) : std::nullopt, std::move(before),
              std::move(after));
}

void AppendAudit(Conn& c, const Actor& a, std::string action, std::string entity,
                 std::string entity_id, std::optional<long long> commune_id,
                 std::optional<std::string> before, std::optional<std::string> after) {
  AuditEntry e;
  e.actor = a.audit_name;
  e.action = std::move(action);
  e.entity = std::move(entity);
  e.entity_id = std::move(entity_id);
  e.commune_id = commune_id;
  e.before_json = std::move(before);
  e.after_json = std::move(after);
  e.remote_addr = a.remote_addr;
  AppendAudit(c, std::move(e));
}

std::vector<AuditEntry> ListAudit(Conn& c, const AuditQuery& q) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM audit_log WHERE 1 = 1";
  std::vector<Value> params;
  int n = 0;
  auto ph = [&n] { return ":p" + std::to_string(++n); };
  if (!q.entity.empty()) {
    sql += " AND entity = " + ph();
    params.emplace_back(q.entity);
  }
  if (!q.actor.empty()) {
    sql += " AND actor = " + ph();
    params.emplace_back(q.actor);
  }
  if (!q.commune_ids.empty()) {
    sql += " AND commune_id IN (";
    for (size_t i = 0; i < q.commune_ids.size(); ++i) {
      sql += (i ? ", " : "") + ph();
      params.emplace_back(q.commune_ids[i]);
    }
    sql += ")";
  }
  if (q.before_seq > 0) {
    sql += " AND seq < " + ph();
    params.emplace_back(q.before_seq);
  }
  sql += " ORDER BY seq DESC LIMIT " + std::to_string(q.limit < 1 || q.limit > 500 ? 50 : q.limit);
  std::vector<AuditEntry> out;
  for (auto& r : c.Query(sql, params)) out.push_back(FromRow(r));
  return out;
}

void SetAuditKey(std::string key) { Key() = std::move(key); }
bool AuditKeySet() { return !Key().empty(); }

std::optional<AuditAnchor> ParseAuditAnchor(std::string_view s) {
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  AuditAnchor a;
  for (char ch : s.substr(0, colon)) {
    if (ch < '0' || ch > '9') return std::nullopt;
    a.seq = a.seq * 10 + (ch - '0');
    if (a.seq > 1'000'000'000'000'000) return std::nullopt;
  }
  a.hash = std::string(s.substr(colon + 1));
  if (a.hash.size() != 64 || a.hash.find_first_not_of("0123456789abcdef") != std::string::npos)
    return std::nullopt;
  return a;
}

AuditAnchor AuditHead(Conn& c) {
  auto head = c.QueryOne("SELECT last_seq, last_hash FROM audit_head WHERE one = 1");
  if (!head) throw DbError("audit_head is missing", false, false);
  return {head->Int(0), head->Str(1)};
}

AuditVerdict VerifyAudit(Conn& c, const std::optional<AuditAnchor>& anchor) {
  AuditVerdict v;
  Tx tx(c);  // one snapshot for the walk and the head
  auto fail = [&](long long seq, std::string why) {
    if (v.ok) {
      v.ok = false;
      v.first_bad_seq = seq;
      v.problem = why;
    }
    v.problems.push_back({seq, std::move(why)});
  };
  std::string prev = "0000000000000000000000000000000000000000000000000000000000000000";
  long long expect_seq = 1;
  bool sealing = false;  // an earlier entry was sealed: every later one must be
  bool anchor_seen = false;
  for (auto& r : c.Query(std::string("SELECT ") + kColumns + " FROM audit_log ORDER BY seq")) {
    AuditEntry e = FromRow(r);
    ++v.entries;
    if (e.seq != expect_seq)
      fail(expect_seq, e.seq == expect_seq + 1
                           ? "entry " + std::to_string(expect_seq) + " is missing"
                           : "entries " + std::to_string(expect_seq) + "–" +
                                 std::to_string(e.seq - 1) + " are missing");
    else if (e.prev_hash != prev)
      fail(e.seq, "entry " + std::to_string(e.seq) + " does not follow the entry before it");
    if (Sha256Hex(Canonical(e)) != e.hash)
      fail(e.seq, "entry " + std::to_string(e.seq) + " was changed after it was written");
    if (e.mac) {
      sealing = true;
      if (!Key().empty()) {
        ++v.sealed;
        if (*e.mac != Seal(e.hash))
          fail(e.seq, "entry " + std::to_string(e.seq) +
                          "'s seal does not match the audit key (rewritten without the key)");
      }
    } else if (sealing) {
      fail(e.seq, "entry " + std::to_string(e.seq) + " has no seal although earlier entries do");
    }
    if (anchor && e.seq == anchor->seq) {
      anchor_seen = true;
      if (e.hash != anchor->hash)
        fail(e.seq, "entry " + std::to_string(e.seq) +
                        " is not the one anchored (the log was rewritten behind the anchor)");
    }
    // Go on from what is stored, so every later problem is found too.
    prev = e.hash;
    expect_seq = e.seq + 1;
  }
  auto head = c.QueryOne("SELECT last_seq, last_hash FROM audit_head WHERE one = 1");
  if (!head || head->Int(0) != expect_seq - 1 || head->Str(1) != prev)
    fail(expect_seq, "the newest entries were removed (the chain head says " +
                         (head ? std::to_string(head->Int(0)) : std::string("nothing")) + ")");
  if (anchor && !anchor_seen)
    fail(anchor->seq, "entry " + std::to_string(anchor->seq) +
                          " of the anchor is gone (the log was rewound to entry " +
                          std::to_string(expect_seq - 1) + ")");
  return v;
}

}  // namespace kientao::store
