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
#include "modules/auth/store/auth_store.hpp"
#include "modules/org/directory.hpp"
#include "store/audit_log.hpp"

namespace kientao::auth {

using store::Conn;
using store::Tx;

namespace {

// The commune a security event belongs to: an account's (its first grant's commune) or a token's,
// so that commune's administrators and office see it; none for a name that is no account.
std::optional<long long> CommuneOfEntity(Conn& c, const std::string& entity,
                                         const std::string& id) {
  char* end = nullptr;
  long long n = std::strtoll(id.c_str(), &end, 10);
  if (id.empty() || *end) return std::nullopt;
  long long scope = 0;
  if (entity == "user") {
    for (const RoleRow& g : AuthStore::RolesOf(c, n))
      if (!scope || g.scope_unit_id < scope) scope = g.scope_unit_id;  // the first grant's
  } else if (entity == "api_token") {
    if (auto t = AuthStore::Token(c, n)) scope = t->scope_unit_id;
  }
  if (!scope) return std::nullopt;
  auto unit = org::Directory::Unit(c, scope);
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
  auto rows = AuthStore::RolesOf(c, user_id);
  std::set<long long> units;
  for (const RoleRow& r : rows) units.insert(r.scope_unit_id);
  auto paths = ScopePathsOf(c, units);
  for (const RoleRow& r : rows)
    if (auto p = paths.find(r.scope_unit_id); p != paths.end())
      out.push_back({r.role, r.scope_unit_id, p->second});
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
  auto row = AuthStore::UserByName(c, username);
  bool ok = row && row->active && VerifyPassword(row->password_hash, password);
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
    Audit(c, actor, "login_failed", "user", row ? std::to_string(row->id) : username, std::nullopt);
    tx.Commit();
    throw Error(errors::kBadCredentials, "password");
  }
  account_throttle_.Clear("u:" + username);
  LoginResult res{RandomToken(), RandomToken()};
  Tx tx(c);
  // Housekeeping: sessions past their absolute expiry are removed at each login.
  AuthStore::DeleteSessionsCreatedBefore(c, now - opts_.absolute_timeout_seconds);
  AuthStore::InsertSession(c, store::Sha256Hex(res.session_token), row->id, res.csrf_token, now,
                           remote);
  Audit(c, actor, "login", "user", std::to_string(row->id), std::nullopt);
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
  AuthStore::DeleteSession(c, hash);
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
  auto r = AuthStore::ActiveSession(c, hash);
  if (!r) return std::nullopt;
  if (now - r->created_at > opts_.absolute_timeout_seconds ||
      now - r->last_seen > opts_.idle_timeout_seconds) {
    AuthStore::DeleteSession(c, hash);
    return std::nullopt;
  }
  // last_seen is written at most once a minute, so reads stay reads.
  long long last_seen = r->last_seen;
  if (now - last_seen >= 60) {
    AuthStore::TouchSession(c, hash, now);
    last_seen = now;
  }
  Principal p;
  p.user_id = r->user.id;
  p.username = r->user.username;
  p.display_name = r->user.display_name;
  p.staff_id = r->user.staff_id;
  p.csrf_token = r->csrf_token;
  p.session_id_hash = hash;
  p.grants = GrantsOf(c, p.user_id);
  std::lock_guard g(cache_mu_);
  if (session_cache_.size() > 10000) session_cache_.clear();
  session_cache_[hash] = {p, r->created_at, last_seen, now};
  return p;
}

std::optional<Principal> AuthService::FromToken(const std::string& token) {
  if (token.size() != 67 || token.compare(0, 3, "kt_") != 0) return std::nullopt;
  Conn c = db_.Lease();
  auto r = AuthStore::ActiveTokenByHash(c, store::Sha256Hex(token));
  if (!r) return std::nullopt;
  auto scope = org::Directory::Unit(c, r->scope_unit_id);
  if (!scope) return std::nullopt;
  Principal p;
  p.token_id = r->id;
  p.username = "token:" + r->name;
  p.display_name = r->name;
  p.grants.push_back({r->role, r->scope_unit_id, scope->path});
  std::string today = clock::Today().ToIso();
  if (r->last_used_at.value_or("").compare(0, 10, today) != 0)
    AuthStore::TouchToken(c, p.token_id, clock::NowIsoUtc());
  return p;
}

std::vector<UserInfo> AuthService::ListUsers(const Actor& a) {
  Conn c = db_.Lease();
  std::vector<UserInfo> out;
  auto scopes = access::ScopePaths(a.who, access::kUsersAdmin);
  auto grants = AuthStore::Roles(c);
  std::set<long long> unit_ids;
  for (const RoleRow& g : grants) unit_ids.insert(g.scope_unit_id);
  auto units = org::Directory::Units(c, unit_ids);
  std::multimap<long long, std::pair<std::string, const org::OrgUnit*>> by_user;
  for (const RoleRow& g : grants)
    if (auto it = units.find(g.scope_unit_id); it != units.end())
      by_user.emplace(g.user_id, std::make_pair(g.role, &it->second));
  for (const UserRow& r : AuthStore::Users(c)) {
    UserInfo u{r.id, r.username, r.display_name, r.staff_id, r.active, {}};
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
  if (AuthStore::UserByName(c, u.username))
    throw Error(errors::kUsernameTaken, "username", {{"value", u.username}});
  if (u.staff_id) {
    // The person must exist and lie within the subtree the administrator manages.
    auto staff = org::Directory::Staff(c, u.staff_id);
    if (!staff || !access::Permits(a.who, access::kUsersAdmin, staff->unit_path))
      throw Error(errors::kStaffNotFound, "staff_id");
  }
  UserRow row;
  row.username = u.username;
  row.display_name = u.display_name.empty() ? u.username : u.display_name;
  row.staff_id = u.staff_id;
  row.password_hash = hash;
  long long id = AuthStore::InsertUser(c, row, clock::NowIsoUtc());
  AuthStore::InsertRole(c, {id, u.role, scope.id});
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
  auto r = AuthStore::UserByName(c, username);
  if (!r) throw Error(errors::kUserNotFound, "username");
  bool self = a.who.user_id == r->id;
  if (!self) {
    bool allowed = false;
    for (auto& g : GrantsOf(c, r->id))
      allowed = allowed || access::Permits(a.who, access::kUsersAdmin, g.scope_path);
    if (!allowed && !access::Permits(a.who, access::kUsersAdmin, "/"))
      throw Error(gen_errors::kForbidden);
  }
  // Only once the caller may set it: otherwise the answer would tell whether a guess is the
  // account's current password.
  if (VerifyPassword(r->password_hash, password))
    throw Error(errors::kPasswordUnchanged, "password");
  AuthStore::SetPasswordHash(c, r->id, hash, clock::NowIsoUtc());
  // A new password ends every other session of the account.
  AuthStore::DeleteSessionsOf(c, r->id, a.who.session_id_hash);
  Audit(c, a, "set_password", "user", std::to_string(r->id), std::nullopt);
  tx.Commit();
  ForgetSessions(r->id);
}

void AuthService::CheckCurrentPassword(const Actor& a, const std::string& password) {
  long long now = clock::NowUnix();
  std::string key = "u:" + a.who.username;
  if (long wait = account_throttle_.RetryAfter(key, now); wait > 0)
    throw Error(errors::kThrottled, "current", {{"minutes", std::to_string((wait + 59) / 60)}});
  Conn c = db_.Lease();
  auto row = AuthStore::User(c, a.who.user_id);
  if (!row || !row->active || !VerifyPassword(row->password_hash, password)) {
    account_throttle_.Record(key, now);
    throw Error(errors::kWrongCurrentPassword, "current");
  }
}

void AuthService::DisableUser(const Actor& a, const std::string& username) {
  Conn c = db_.Lease();
  Tx tx(c);
  auto r = AuthStore::UserByName(c, username);
  if (!r) throw Error(errors::kUserNotFound, "username");
  if (r->id == a.who.user_id) throw Error(errors::kCannotDisableSelf, "username");
  bool allowed = false;
  for (auto& g : GrantsOf(c, r->id))
    allowed = allowed || access::Permits(a.who, access::kUsersAdmin, g.scope_path);
  if (!allowed && !access::Permits(a.who, access::kUsersAdmin, "/"))
    throw Error(gen_errors::kForbidden);
  AuthStore::Deactivate(c, r->id, clock::NowIsoUtc());
  AuthStore::DeleteSessionsOf(c, r->id);
  Audit(c, a, "disable", "user", std::to_string(r->id), std::nullopt);
  tx.Commit();
  ForgetSessions(r->id);
}

std::vector<TokenInfo> AuthService::ListTokens(const Actor& a) {
  Conn c = db_.Lease();
  std::vector<TokenInfo> out;
  auto tokens = AuthStore::Tokens(c);
  std::set<long long> unit_ids;
  for (const TokenRow& t : tokens) unit_ids.insert(t.scope_unit_id);
  auto units = org::Directory::Units(c, unit_ids);
  for (const TokenRow& t : tokens) {
    auto unit = units.find(t.scope_unit_id);
    if (unit == units.end() || !access::Permits(a.who, access::kUsersAdmin, unit->second.path))
      continue;
    out.push_back({t.id, t.name, t.role, unit->second.code, t.created_by, t.created_at,
                   t.revoked_at, t.last_used_at});
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
  if (AuthStore::TokenNameTaken(c, name))
    throw Error(errors::kTokenNameTaken, "name", {{"value", name}});
  std::string token = "kt_" + RandomToken();
  TokenRow row;
  row.name = name;
  row.role = role;
  row.scope_unit_id = scope.id;
  row.created_by = a.audit_name;
  row.created_at = clock::NowIsoUtc();
  long long id = AuthStore::InsertToken(c, row, store::Sha256Hex(token));
  Audit(c, a, "create", "api_token", std::to_string(id),
        JsonObject().Str("name", name).Str("role", role).Str("scope", scope_code).Build());
  tx.Commit();
  return token;
}

void AuthService::RevokeToken(const Actor& a, const std::string& name) {
  Conn c = db_.Lease();
  Tx tx(c);
  auto r = AuthStore::ActiveTokenByName(c, name);
  if (!r) throw Error(errors::kTokenNotFound, "name", {{"value", name}});
  auto scope = org::Directory::Unit(c, r->scope_unit_id);
  if (!scope || !access::Permits(a.who, access::kUsersAdmin, scope->path))
    throw Error(gen_errors::kForbidden);
  AuthStore::RevokeToken(c, r->id, clock::NowIsoUtc());
  Audit(c, a, "revoke", "api_token", std::to_string(r->id), std::nullopt);
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
  auto r = AuthStore::UserByName(c, username);
  if (!r) throw Error(errors::kUserNotFound, "username", {{"value", username}});
  bool allowed = false;
  for (auto& g : GrantsOf(c, r->id))
    allowed = allowed || access::Permits(a.who, access::kUsersAdmin, g.scope_path);
  if (!allowed) throw Error(errors::kGrantOutsideScope, "username");
  AuthStore::SetEmail(c, r->id, email.empty() ? std::nullopt : std::optional<std::string>(email),
                      clock::NowIsoUtc());
  store::AppendAudit(c, a, "update", "user", username, std::nullopt,
                     JsonObject().OptStr("email", r->email).Build(),
                     JsonObject().Str("email", email).Build());
  tx.Commit();
}

std::vector<std::pair<Principal, std::string>> AuthService::DigestRecipients() {
  Conn c = db_.Lease();
  std::vector<std::pair<Principal, std::string>> out;
  for (const UserRow& r : AuthStore::UsersWithEmail(c)) {
    Principal p;
    p.user_id = r.id;
    p.username = r.username;
    p.display_name = r.display_name;
    p.staff_id = r.staff_id;
    p.grants = GrantsOf(c, p.user_id);
    out.emplace_back(std::move(p), r.email.value_or(""));
  }
  return out;
}

}  // namespace kientao::auth
