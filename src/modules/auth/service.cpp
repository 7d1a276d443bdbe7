#include "modules/auth/service.hpp"

#include <sodium.h>

#include <cctype>
#include <cstdlib>
#include <map>
#include <set>
#include <stdexcept>

#include "base/access.hpp"
#include "base/clock.hpp"
#include "base/date.hpp"
#include "base/json_writer.hpp"
#include "base/text.hpp"
#include "modules/auth/domain/password.hpp"
#include "modules/auth/errors.hpp"
#include "modules/auth/permissions.hpp"
#include "modules/org/directory.hpp"
#include "store/audit_log.hpp"

namespace kientao::auth {

using store::Conn;
using store::Tx;
using store::Value;

namespace {

// The commune a security event belongs to: an account's (its first grant's commune) or a token's,
// so that commune's administrators and office see it; none for a name that is no account.
std::optional<long long> CommuneOfEntity(Conn& c, const std::string& entity,
                                         const std::string& id) {
  char* end = nullptr;
  long long n = std::strtoll(id.c_str(), &end, 10);
  if (id.empty() || *end) return std::nullopt;
  std::optional<store::Row> r;
  if (entity == "user")
    r = c.QueryOne("SELECT MIN(scope_unit_id) FROM user_roles WHERE user_id = :1", {n});
  else if (entity == "api_token")
    r = c.QueryOne("SELECT scope_unit_id FROM api_tokens WHERE id = :1", {n});
  if (!r || r->IsNull(0)) return std::nullopt;
  auto unit = org::Directory::Unit(c, r->Int(0));
  if (!unit) return std::nullopt;
  return unit->commune_id ? unit->commune_id : unit->id;  // a city-wide grant: the city
}

// The path of each unit a grant or token is scoped to.
std::map<long long, std::string> ScopePathsOf(Conn& c, const std::set<long long>& unit_ids) {
  std::map<long long, std::string> out;
  for (auto& [id, u] : org::Directory::Units(c, unit_ids)) out.emplace(id, u.path);
  return out;
}

void Audit(Conn& c, const Actor& a, std::string action, std::string entity, std::string id,
           std::optional<std::string> after) {
  std::optional<long long> commune = CommuneOfEntity(c, entity, id);
  store::AppendAudit(c, a, std::move(action), std::move(entity), std::move(id), commune,
                     std::nullopt, std::move(after));
}

struct Scope {
  long long id;
  std::string path;
};

Scope ResolveScope(Conn& c, const Actor& a, const std::string& code) {
  auto unit = org::Directory::UnitByCode(c, code);
  if (!unit) throw Error(errors::kScopeNotFound, "scope", {{"value", code}});
  Scope s{unit->id, unit->path};
  // An administrator grants only within the subtree they administer.
  if (!access::Permits(a.who, access::kUsersAdmin, s.path))
    throw Error(errors::kGrantOutsideScope, "scope");
  return s;
}

}  // namespace

AuthService::AuthService(store::Database& db, AuthOptions opts)
    : db_(db),
      opts_(opts),
      account_throttle_(opts.max_failures_per_account, opts.throttle_window_seconds),
      address_throttle_(opts.max_failures_per_address, opts.throttle_window_seconds) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string AuthService::HashPassword(const std::string& password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool AuthService::VerifyPassword(const std::string& hash, const std::string& password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void AuthService::RequireGoodPassword(const std::string& password, const std::string& username) {
  switch (CheckPassword(password, username)) {
    case PasswordProblem::kNone:
      return;
    case PasswordProblem::kTooWeak:
      throw Error(errors::kWeakPassword, "password");
    case PasswordProblem::kCommon:
      throw Error(errors::kCommonPassword, "password");
    case PasswordProblem::kHasUsername:
      throw Error(errors::kPasswordHasUsername, "password");
  }
}

bool AuthService::ValidUsername(const std::string& u) {
  if (u.size() < 3 || u.size() > 40) return false;
  for (char c : u)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
      return false;
  return true;
}

std::string AuthService::RandomToken() {
  unsigned char buf[32];
  randombytes_buf(buf, sizeof buf);
  return text::Hex(std::string_view(reinterpret_cast<const char*>(buf), sizeof buf));
}

std::vector<RoleGrant> AuthService::GrantsOf(Conn& c, long long user_id) {
  std::vector<RoleGrant> out;
  auto rows = c.Query("SELECT role, scope_unit_id FROM user_roles WHERE user_id = :1 ORDER BY id",
                      {user_id});
  std::set<long long> units;
  for (auto& r : rows) units.insert(r.Int(1));
  auto paths = ScopePathsOf(c, units);
  for (auto& r : rows)
    if (auto p = paths.find(r.Int(1)); p != paths.end())
      out.push_back({r.Str(0), r.Int(1), p->second});
  return out;
}

void AuthService::CheckAddress(const std::string& remote) {
  long wait = address_throttle_.RetryAfter("a:" + remote, clock::NowUnix());
  if (wait > 0)
    throw Error(errors::kThrottled, "username", {{"minutes", std::to_string((wait + 59) / 60)}});
}

LoginResult AuthService::Login(const std::string& username, const std::string& password,
                               const std::string& remote) {
  long long now = clock::NowUnix();
  long wait = std::max(account_throttle_.RetryAfter("u:" + username, now),
                       address_throttle_.RetryAfter("a:" + remote, now));
  if (wait > 0)
    throw Error(errors::kThrottled, "username", {{"minutes", std::to_string((wait + 59) / 60)}});
  Conn c = db_.Lease();
  auto row =
      c.QueryOne("SELECT id, password_hash, active FROM users WHERE username = :1", {username});
  bool ok = row && row->Int(2) == 1 && VerifyPassword(row->Str(1), password);
  if (!row) {
    // Spend the time a real check takes, so response time does not reveal which names exist.
    static const std::string kDummy = HashPassword("kientao-dummy-password-1");
    VerifyPassword(kDummy, password);
  }
  Principal anonymous;
  Actor actor{anonymous, username, remote};
  if (!ok) {
    account_throttle_.Record("u:" + username, now);
    address_throttle_.Record("a:" + remote, now);
    Tx tx(c);
    Audit(c, actor, "login_failed", "user", row ? std::to_string(row->Int(0)) : username,
          std::nullopt);
    tx.Commit();
    throw Error(errors::kBadCredentials, "password");
  }
  account_throttle_.Clear("u:" + username);
  LoginResult res{RandomToken(), RandomToken()};
  Tx tx(c);
  // Housekeeping: sessions past their absolute expiry are removed at each login.
  c.Exec("DELETE FROM sessions WHERE created_at < :1", {now - opts_.absolute_timeout_seconds});
  c.Exec(
      "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen, remote_addr) "
      "VALUES "
      "(:1, :2, :3, :4, :5, :6)",
      {store::Sha256Hex(res.session_token), row->Int(0), res.csrf_token, now, now, remote});
  Audit(c, actor, "login", "user", std::to_string(row->Int(0)), std::nullopt);
  tx.Commit();
  return res;
}

void AuthService::Logout(const std::string& session_token) {
  std::string hash = store::Sha256Hex(session_token);
  {
    std::lock_guard g(cache_mu_);
    session_cache_.erase(hash);
  }
  Conn c = db_.Lease();
  c.Exec("DELETE FROM sessions WHERE id_hash = :1", {hash});
}

void AuthService::ForgetSessions(long long user_id) {
  std::lock_guard g(cache_mu_);
  for (auto it = session_cache_.begin(); it != session_cache_.end();)
    it = it->second.principal.user_id == user_id ? session_cache_.erase(it) : std::next(it);
}

std::optional<Principal> AuthService::FromSession(const std::string& token) {
  if (token.size() != 64) return std::nullopt;
  std::string hash = store::Sha256Hex(token);
  long long now = clock::NowUnix();
  {
    std::lock_guard g(cache_mu_);
    auto it = session_cache_.find(hash);
    if (it != session_cache_.end()) {
      const CachedSession& cs = it->second;
      bool fresh = now - cs.cached_at < kSessionCacheSeconds;
      bool expired = now - cs.created_at > opts_.absolute_timeout_seconds ||
                     now - cs.last_seen > opts_.idle_timeout_seconds;
      // last_seen must reach the database about once a minute; fall through to do that.
      if (fresh && !expired && now - cs.last_seen < 60) return cs.principal;
      session_cache_.erase(it);
    }
  }
  Conn c = db_.Lease();
  auto r = c.QueryOne(
      "SELECT u.id, u.username, u.display_name, u.staff_id, s.csrf_token, s.created_at, "
      "s.last_seen "
      "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = :1 AND u.active = 1",
      {hash});
  if (!r) return std::nullopt;
  if (now - r->Int(5) > opts_.absolute_timeout_seconds ||
      now - r->Int(6) > opts_.idle_timeout_seconds) {
    c.Exec("DELETE FROM sessions WHERE id_hash = :1", {hash});
    return std::nullopt;
  }
  // last_seen is written at most once a minute, so reads stay reads.
  long long last_seen = r->Int(6);
  if (now - last_seen >= 60) {
    c.Exec("UPDATE sessions SET last_seen = :1 WHERE id_hash = :2", {now, hash});
    last_seen = now;
  }
  Principal p;
  p.user_id = r->Int(0);
  p.username = r->Str(1);
  p.display_name = r->Str(2);
  p.staff_id = r->Int(3);
  p.csrf_token = r->Str(4);
  p.session_id_hash = hash;
  p.grants = GrantsOf(c, p.user_id);
  std::lock_guard g(cache_mu_);
  if (session_cache_.size() > 10000) session_cache_.clear();
  session_cache_[hash] = {p, r->Int(5), last_seen, now};
  return p;
}

std::optional<Principal> AuthService::FromToken(const std::string& token) {
  if (token.size() != 67 || token.compare(0, 3, "kt_") != 0) return std::nullopt;
  Conn c = db_.Lease();
  auto r = c.QueryOne(
      "SELECT id, name, role, scope_unit_id, last_used_at FROM api_tokens WHERE token_hash = :1 "
      "AND revoked_at IS NULL",
      {store::Sha256Hex(token)});
  if (!r) return std::nullopt;
  auto scope = org::Directory::Unit(c, r->Int(3));
  if (!scope) return std::nullopt;
  Principal p;
  p.token_id = r->Int(0);
  p.username = "token:" + r->Str(1);
  p.display_name = r->Str(1);
  p.grants.push_back({r->Str(2), r->Int(3), scope->path});
  std::string today = clock::Today().ToIso();
  if (r->Str(4).compare(0, 10, today) != 0)
    c.Exec("UPDATE api_tokens SET last_used_at = :1 WHERE id = :2",
           {clock::NowIsoUtc(), p.token_id});
  return p;
}

std::vector<UserInfo> AuthService::ListUsers(const Actor& a) {
  Conn c = db_.Lease();
  std::vector<UserInfo> out;
  auto scopes = access::ScopePaths(a.who, access::kUsersAdmin);
  auto grants = c.Query("SELECT user_id, role, scope_unit_id FROM user_roles ORDER BY id");
  std::set<long long> unit_ids;
  for (auto& g : grants) unit_ids.insert(g.Int(2));
  auto units = org::Directory::Units(c, unit_ids);
  std::multimap<long long, std::pair<std::string, const org::OrgUnit*>> by_user;
  for (auto& g : grants)
    if (auto it = units.find(g.Int(2)); it != units.end())
      by_user.emplace(g.Int(0), std::make_pair(g.Str(1), &it->second));
  for (auto& r : c.Query(
           "SELECT id, username, display_name, staff_id, active FROM users ORDER BY username")) {
    UserInfo u{r.Int(0), r.Str(1), r.Str(2), r.Int(3), r.Int(4) == 1, {}};
    bool visible = false;
    auto [from, to] = by_user.equal_range(u.id);
    for (auto it = from; it != to; ++it) {
      const auto& [role, unit] = it->second;
      u.grants.push_back({role, unit->code, unit->name});
      for (auto& s : scopes) visible = visible || unit->path.compare(0, s.size(), s) == 0;
    }
    if (visible || (u.grants.empty() && access::Permits(a.who, access::kUsersAdmin, "/")))
      out.push_back(std::move(u));
  }
  return out;
}

long long AuthService::CreateUser(const Actor& a, const NewUser& u) {
  if (!ValidUsername(u.username)) throw Error(errors::kInvalidUsername, "username");
  if (!access::IsRole(u.role)) throw Error(errors::kInvalidRole, "role", {{"value", u.role}});
  RequireGoodPassword(u.password, u.username);
  std::string hash = HashPassword(u.password);
  Conn c = db_.Lease();
  Tx tx(c);
  Scope scope = ResolveScope(c, a, u.scope_code);
  if (c.QueryOne("SELECT 1 FROM users WHERE username = :1", {u.username}))
    throw Error(errors::kUsernameTaken, "username", {{"value", u.username}});
  if (u.staff_id) {
    // The person must exist and lie within the subtree the administrator manages.
    auto staff = org::Directory::Staff(c, u.staff_id);
    if (!staff || !access::Permits(a.who, access::kUsersAdmin, staff->unit_path))
      throw Error(errors::kStaffNotFound, "staff_id");
  }
  std::string now = clock::NowIsoUtc();
  long long id = c.InsertId(
      "INSERT INTO users (username, display_name, staff_id, password_hash, active, created_at, "
      "updated_at) "
      "VALUES (:1, :2, :3, :4, 1, :5, :6) RETURNING id",
      {u.username, u.display_name.empty() ? u.username : u.display_name,
       u.staff_id ? Value(u.staff_id) : Value(), hash, now, now});
  c.Exec("INSERT INTO user_roles (user_id, role, scope_unit_id) VALUES (:1, :2, :3)",
         {id, u.role, scope.id});
  Audit(c, a, "create", "user", std::to_string(id),
        JsonObject()
            .Str("username", u.username)
            .Str("role", u.role)
            .Str("scope", u.scope_code)
            .Build());
  tx.Commit();
  return id;
}

void AuthService::SetPassword(const Actor& a, const std::string& username,
                              const std::string& password) {
  RequireGoodPassword(password, username);
  std::string hash = HashPassword(password);
  Conn c = db_.Lease();
  Tx tx(c);
  auto r = c.QueryOne("SELECT id, password_hash FROM users WHERE username = :1", {username});
  if (!r) throw Error(errors::kUserNotFound, "username");
  bool self = a.who.user_id == r->Int(0);
  if (!self) {
    bool allowed = false;
    for (auto& g : GrantsOf(c, r->Int(0)))
      allowed = allowed || access::Permits(a.who, access::kUsersAdmin, g.scope_path);
    if (!allowed && !access::Permits(a.who, access::kUsersAdmin, "/"))
      throw Error(gen_errors::kForbidden);
  }
  // Only once the caller may set it: otherwise the answer would tell whether a guess is the
  // account's current password.
  if (VerifyPassword(r->Str(1), password)) throw Error(errors::kPasswordUnchanged, "password");
  c.Exec("UPDATE users SET password_hash = :1, updated_at = :2 WHERE id = :3",
         {hash, clock::NowIsoUtc(), r->Int(0)});
  // A new password ends every other session of the account.
  c.Exec("DELETE FROM sessions WHERE user_id = :1 AND id_hash <> :2",
         {r->Int(0), a.who.session_id_hash});
  Audit(c, a, "set_password", "user", std::to_string(r->Int(0)), std::nullopt);
  tx.Commit();
  ForgetSessions(r->Int(0));
}

void AuthService::CheckCurrentPassword(const Actor& a, const std::string& password) {
  long long now = clock::NowUnix();
  std::string key = "u:" + a.who.username;
  if (long wait = account_throttle_.RetryAfter(key, now); wait > 0)
    throw Error(errors::kThrottled, "current", {{"minutes", std::to_string((wait + 59) / 60)}});
  Conn c = db_.Lease();
  auto row =
      c.QueryOne("SELECT password_hash FROM users WHERE id = :1 AND active = 1", {a.who.user_id});
  if (!row || !VerifyPassword(row->Str(0), password)) {
    account_throttle_.Record(key, now);
    throw Error(errors::kWrongCurrentPassword, "current");
  }
}

void AuthService::DisableUser(const Actor& a, const std::string& username) {
  Conn c = db_.Lease();
  Tx tx(c);
  auto r = c.QueryOne("SELECT id FROM users WHERE username = :1", {username});
  if (!r) throw Error(errors::kUserNotFound, "username");
  if (r->Int(0) == a.who.user_id) throw Error(errors::kCannotDisableSelf, "username");
  bool allowed = false;
  for (auto& g : GrantsOf(c, r->Int(0)))
    allowed = allowed || access::Permits(a.who, access::kUsersAdmin, g.scope_path);
  if (!allowed && !access::Permits(a.who, access::kUsersAdmin, "/"))
    throw Error(gen_errors::kForbidden);
  c.Exec("UPDATE users SET active = 0, updated_at = :1 WHERE id = :2",
         {clock::NowIsoUtc(), r->Int(0)});
  c.Exec("DELETE FROM sessions WHERE user_id = :1", {r->Int(0)});
  Audit(c, a, "disable", "user", std::to_string(r->Int(0)), std::nullopt);
  tx.Commit();
  ForgetSessions(r->Int(0));
}

std::vector<TokenInfo> AuthService::ListTokens(const Actor& a) {
  Conn c = db_.Lease();
  std::vector<TokenInfo> out;
  auto tokens = c.Query(
      "SELECT id, name, role, scope_unit_id, created_by, created_at, revoked_at, last_used_at "
      "FROM api_tokens ORDER BY name");
  std::set<long long> unit_ids;
  for (auto& r : tokens) unit_ids.insert(r.Int(3));
  auto units = org::Directory::Units(c, unit_ids);
  for (auto& r : tokens) {
    auto unit = units.find(r.Int(3));
    if (unit == units.end() || !access::Permits(a.who, access::kUsersAdmin, unit->second.path))
      continue;
    out.push_back({r.Int(0), r.Str(1), r.Str(2), unit->second.code, r.Str(4), r.Str(5), r.OptStr(6),
                   r.OptStr(7)});
  }
  return out;
}

std::string AuthService::CreateToken(const Actor& a, const std::string& name,
                                     const std::string& role, const std::string& scope_code) {
  if (!ValidUsername(name)) throw Error(errors::kInvalidUsername, "name");
  if (!access::IsRole(role)) throw Error(errors::kInvalidRole, "role", {{"value", role}});
  Conn c = db_.Lease();
  Tx tx(c);
  Scope scope = ResolveScope(c, a, scope_code);
  if (c.QueryOne("SELECT 1 FROM api_tokens WHERE name = :1", {name}))
    throw Error(errors::kTokenNameTaken, "name", {{"value", name}});
  std::string token = "kt_" + RandomToken();
  long long id = c.InsertId(
      "INSERT INTO api_tokens (name, token_hash, role, scope_unit_id, created_by, created_at) "
      "VALUES "
      "(:1, :2, :3, :4, :5, :6) RETURNING id",
      {name, store::Sha256Hex(token), role, scope.id, a.audit_name, clock::NowIsoUtc()});
  Audit(c, a, "create", "api_token", std::to_string(id),
        JsonObject().Str("name", name).Str("role", role).Str("scope", scope_code).Build());
  tx.Commit();
  return token;
}

void AuthService::RevokeToken(const Actor& a, const std::string& name) {
  Conn c = db_.Lease();
  Tx tx(c);
  auto r = c.QueryOne(
      "SELECT id, scope_unit_id FROM api_tokens WHERE name = :1 AND revoked_at IS NULL", {name});
  if (!r) throw Error(errors::kTokenNotFound, "name", {{"value", name}});
  auto scope = org::Directory::Unit(c, r->Int(1));
  if (!scope || !access::Permits(a.who, access::kUsersAdmin, scope->path))
    throw Error(gen_errors::kForbidden);
  c.Exec("UPDATE api_tokens SET revoked_at = :1 WHERE id = :2", {clock::NowIsoUtc(), r->Int(0)});
  Audit(c, a, "revoke", "api_token", std::to_string(r->Int(0)), std::nullopt);
  tx.Commit();
}

namespace {

// Something@domain.tld without spaces or control characters; at most 254 characters.
bool PlausibleEmail(const std::string& e) {
  if (e.size() > 254 || e.size() < 6) return false;
  auto at = e.find('@');
  if (at == std::string::npos || at == 0 || e.find('@', at + 1) != std::string::npos) return false;
  auto dot = e.find('.', at + 2);
  if (dot == std::string::npos || dot + 1 >= e.size()) return false;
  for (unsigned char ch : e)
    if (ch <= 0x20 || ch == 0x7F || ch == '<' || ch == '>' || ch == ',' || ch == ';' || ch == '"')
      return false;
  return true;
}

}  // namespace

void AuthService::SetEmail(const Actor& a, const std::string& username, const std::string& email) {
  if (!email.empty() && !PlausibleEmail(email))
    throw Error(errors::kInvalidEmail, "email", {{"value", email}});
  Conn c = db_.Lease();
  Tx tx(c);
  auto r = c.QueryOne("SELECT id, email FROM users WHERE username = :1", {username});
  if (!r) throw Error(errors::kUserNotFound, "username", {{"value", username}});
  bool allowed = false;
  for (auto& g : GrantsOf(c, r->Int(0)))
    allowed = allowed || access::Permits(a.who, access::kUsersAdmin, g.scope_path);
  if (!allowed) throw Error(errors::kGrantOutsideScope, "username");
  c.Exec("UPDATE users SET email = :1, updated_at = :2 WHERE id = :3",
         {email.empty() ? store::Value() : store::Value(email), clock::NowIsoUtc(), r->Int(0)});
  store::AppendAudit(c, a, "update", "user", username, std::nullopt,
                     JsonObject().OptStr("email", r->OptStr(1)).Build(),
                     JsonObject().Str("email", email).Build());
  tx.Commit();
}

std::vector<std::pair<Principal, std::string>> AuthService::DigestRecipients() {
  Conn c = db_.Lease();
  std::vector<std::pair<Principal, std::string>> out;
  for (auto& r :
       c.Query("SELECT id, username, display_name, COALESCE(staff_id, 0), email FROM users WHERE "
               "active = 1 AND email IS NOT NULL ORDER BY username")) {
    Principal p;
    p.user_id = r.Int(0);
    p.username = r.Str(1);
    p.display_name = r.Str(2);
    p.staff_id = r.Int(3);
    p.grants = GrantsOf(c, p.user_id);
    out.emplace_back(std::move(p), r.Str(4));
  }
  return out;
}

}  // namespace kientao::auth
