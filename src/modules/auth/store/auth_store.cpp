#include "modules/auth/store/auth_store.hpp"

namespace kientao::auth {

using store::Conn;
using store::Row;
using store::Value;

namespace {

const char* kUserCols =
    "id, username, display_name, COALESCE(staff_id, 0), active, password_hash, email FROM users ";

UserRow UserOf(const Row& r) {
  return {r.Int(0), r.Str(1), r.Str(2), r.Int(3), r.Int(4) == 1, r.Str(5), r.OptStr(6)};
}

const char* kTokenCols =
    "id, name, role, scope_unit_id, created_by, created_at, revoked_at, last_used_at FROM "
    "api_tokens ";

TokenRow TokenOf(const Row& r) {
  return {r.Int(0), r.Str(1), r.Str(2), r.Int(3), r.Str(4), r.Str(5), r.OptStr(6), r.OptStr(7)};
}

std::vector<RoleRow> RolesWhere(Conn& c, const std::string& where,
                                const std::vector<Value>& params) {
  std::vector<RoleRow> out;
  for (auto& r : c.Query(
           "SELECT user_id, role, scope_unit_id FROM user_roles " + where + " ORDER BY id", params))
    out.push_back({r.Int(0), r.Str(1), r.Int(2)});
  return out;
}

}  // namespace

std::optional<UserRow> AuthStore::UserByName(Conn& c, const std::string& username) {
  auto r = c.QueryOne(std::string("SELECT ") + kUserCols + "WHERE username = :1", {username});
  if (!r) return std::nullopt;
  return UserOf(*r);
}

std::optional<UserRow> AuthStore::User(Conn& c, long long id) {
  auto r = c.QueryOne(std::string("SELECT ") + kUserCols + "WHERE id = :1", {id});
  if (!r) return std::nullopt;
  return UserOf(*r);
}

std::vector<UserRow> AuthStore::Users(Conn& c) {
  std::vector<UserRow> out;
  for (auto& r : c.Query(std::string("SELECT ") + kUserCols + "ORDER BY username"))
    out.push_back(UserOf(r));
  return out;
}

std::vector<UserRow> AuthStore::UsersWithEmail(Conn& c) {
  std::vector<UserRow> out;
  for (auto& r : c.Query(std::string("SELECT ") + kUserCols +
                         "WHERE active = 1 AND email IS NOT NULL ORDER BY username"))
    out.push_back(UserOf(r));
  return out;
}

long long AuthStore::InsertUser(Conn& c, const UserRow& u, const std::string& at) {
  return c.InsertId(
      "INSERT INTO users (username, display_name, staff_id, password_hash, active, created_at, "
      "updated_at) VALUES (:1, :2, :3, :4, 1, :5, :6) RETURNING id",
      {u.username, u.display_name, u.staff_id ? Value(u.staff_id) : Value(), u.password_hash, at,
       at});
}

void AuthStore::SetPasswordHash(Conn& c, long long user_id, const std::string& hash,
                                const std::string& at) {
  c.Exec("UPDATE users SET password_hash = :1, updated_at = :2 WHERE id = :3", {hash, at, user_id});
}

void AuthStore::Deactivate(Conn& c, long long user_id, const std::string& at) {
  c.Exec("UPDATE users SET active = 0, updated_at = :1 WHERE id = :2", {at, user_id});
}

void AuthStore::SetEmail(Conn& c, long long user_id, const std::optional<std::string>& email,
                         const std::string& at) {
  c.Exec("UPDATE users SET email = :1, updated_at = :2 WHERE id = :3",
         {email ? Value(*email) : Value(), at, user_id});
}

std::vector<RoleRow> AuthStore::Roles(Conn& c) { return RolesWhere(c, "", {}); }

std::vector<RoleRow> AuthStore::RolesOf(Conn& c, long long user_id) {
  return RolesWhere(c, "WHERE user_id = :1", {user_id});
}

void AuthStore::InsertRole(Conn& c, const RoleRow& r) {
  c.Exec("INSERT INTO user_roles (user_id, role, scope_unit_id) VALUES (:1, :2, :3)",
         {r.user_id, r.role, r.scope_unit_id});
}

void AuthStore::InsertSession(Conn& c, const std::string& id_hash, long long user_id,
                              const std::string& csrf_token, long long now,
                              const std::string& remote) {
  c.Exec(
      "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen, remote_addr) "
      "VALUES (:1, :2, :3, :4, :5, :6)",
      {id_hash, user_id, csrf_token, now, now, remote});
}

std::optional<SessionRow> AuthStore::ActiveSession(Conn& c, const std::string& id_hash) {
  auto r = c.QueryOne(
      "SELECT u.id, u.username, u.display_name, COALESCE(u.staff_id, 0), s.csrf_token, "
      "s.created_at, s.last_seen FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash "
      "= :1 AND u.active = 1",
      {id_hash});
  if (!r) return std::nullopt;
  SessionRow s;
  s.user.id = r->Int(0);
  s.user.username = r->Str(1);
  s.user.display_name = r->Str(2);
  s.user.staff_id = r->Int(3);
  s.csrf_token = r->Str(4);
  s.created_at = r->Int(5);
  s.last_seen = r->Int(6);
  return s;
}

void AuthStore::TouchSession(Conn& c, const std::string& id_hash, long long now) {
  c.Exec("UPDATE sessions SET last_seen = :1 WHERE id_hash = :2", {now, id_hash});
}

void AuthStore::DeleteSession(Conn& c, const std::string& id_hash) {
  c.Exec("DELETE FROM sessions WHERE id_hash = :1", {id_hash});
}

void AuthStore::DeleteSessionsCreatedBefore(Conn& c, long long before) {
  c.Exec("DELETE FROM sessions WHERE created_at < :1", {before});
}

void AuthStore::DeleteSessionsOf(Conn& c, long long user_id, const std::string& keep_hash) {
  c.Exec("DELETE FROM sessions WHERE user_id = :1 AND id_hash <> :2", {user_id, keep_hash});
}

std::optional<TokenRow> AuthStore::Token(Conn& c, long long id) {
  auto r = c.QueryOne(std::string("SELECT ") + kTokenCols + "WHERE id = :1", {id});
  if (!r) return std::nullopt;
  return TokenOf(*r);
}

std::optional<TokenRow> AuthStore::ActiveTokenByHash(Conn& c, const std::string& hash) {
  auto r = c.QueryOne(
      std::string("SELECT ") + kTokenCols + "WHERE token_hash = :1 AND revoked_at IS NULL", {hash});
  if (!r) return std::nullopt;
  return TokenOf(*r);
}

std::optional<TokenRow> AuthStore::ActiveTokenByName(Conn& c, const std::string& name) {
  auto r = c.QueryOne(
      std::string("SELECT ") + kTokenCols + "WHERE name = :1 AND revoked_at IS NULL", {name});
  if (!r) return std::nullopt;
  return TokenOf(*r);
}

bool AuthStore::TokenNameTaken(Conn& c, const std::string& name) {
  return c.QueryOne("SELECT 1 FROM api_tokens WHERE name = :1", {name}).has_value();
}

std::vector<TokenRow> AuthStore::Tokens(Conn& c) {
  std::vector<TokenRow> out;
  for (auto& r : c.Query(std::string("SELECT ") + kTokenCols + "ORDER BY name"))
    out.push_back(TokenOf(r));
  return out;
}

long long AuthStore::InsertToken(Conn& c, const TokenRow& t, const std::string& hash) {
  return c.InsertId(
      "INSERT INTO api_tokens (name, token_hash, role, scope_unit_id, created_by, created_at) "
      "VALUES (:1, :2, :3, :4, :5, :6) RETURNING id",
      {t.name, hash, t.role, t.scope_unit_id, t.created_by, t.created_at});
}

void AuthStore::TouchToken(Conn& c, long long id, const std::string& at) {
  c.Exec("UPDATE api_tokens SET last_used_at = :1 WHERE id = :2", {at, id});
}

void AuthStore::RevokeToken(Conn& c, long long id, const std::string& at) {
  c.Exec("UPDATE api_tokens SET revoked_at = :1 WHERE id = :2", {at, id});
}

}  // namespace kientao::auth
