#pragma once
// Accounts, their roles, sessions and API tokens in the database: every SQL statement on the auth
// module's tables. Each function takes the caller's connection, so a write and its audit entry
// share one transaction. Throws store::DbError on database failure. Secrets are stored hashed
// (sessions and tokens by SHA-256, passwords by Argon2id): the callers hash, this stores.
#include <optional>
#include <string>
#include <vector>

#include "store/db.hpp"

namespace kientao::auth {

struct UserRow {
  long long id = 0;
  std::string username, display_name;
  long long staff_id = 0;
  bool active = true;
  std::string password_hash;
  std::optional<std::string> email;
};

struct RoleRow {
  long long user_id = 0;
  std::string role;
  long long scope_unit_id = 0;
};

struct SessionRow {
  UserRow user;
  std::string csrf_token;
  long long created_at = 0, last_seen = 0;
};

struct TokenRow {
  long long id = 0;
  std::string name, role;
  long long scope_unit_id = 0;
  std::string created_by, created_at;
  std::optional<std::string> revoked_at, last_used_at;
};

class AuthStore {
 public:
  static std::optional<UserRow> UserByName(store::Conn& c, const std::string& username);
  static std::optional<UserRow> User(store::Conn& c, long long id);
  static std::vector<UserRow> Users(store::Conn& c);  // by username
  // Active accounts with an email address, by username.
  static std::vector<UserRow> UsersWithEmail(store::Conn& c);
  static long long InsertUser(store::Conn& c, const UserRow& u, const std::string& at);
  static void SetPasswordHash(store::Conn& c, long long user_id, const std::string& hash,
                              const std::string& at);
  static void Deactivate(store::Conn& c, long long user_id, const std::string& at);
  static void SetEmail(store::Conn& c, long long user_id, const std::optional<std::string>& email,
                       const std::string& at);

  static std::vector<RoleRow> Roles(store::Conn& c);                       // every grant, by id
  static std::vector<RoleRow> RolesOf(store::Conn& c, long long user_id);  // by id
  static void InsertRole(store::Conn& c, const RoleRow& r);

  // Sessions by the SHA-256 of their token; times in seconds since the epoch.
  static void InsertSession(store::Conn& c, const std::string& id_hash, long long user_id,
                            const std::string& csrf_token, long long now,
                            const std::string& remote);
  // The session of an active account.
  static std::optional<SessionRow> ActiveSession(store::Conn& c, const std::string& id_hash);
  static void TouchSession(store::Conn& c, const std::string& id_hash, long long now);
  static void DeleteSession(store::Conn& c, const std::string& id_hash);
  static void DeleteSessionsCreatedBefore(store::Conn& c, long long before);
  // Every session of the account but `keep_hash` ("" keeps none).
  static void DeleteSessionsOf(store::Conn& c, long long user_id,
                               const std::string& keep_hash = "");

  static std::optional<TokenRow> Token(store::Conn& c, long long id);
  // A token not revoked, by the SHA-256 of its secret or by its name.
  static std::optional<TokenRow> ActiveTokenByHash(store::Conn& c, const std::string& hash);
  static std::optional<TokenRow> ActiveTokenByName(store::Conn& c, const std::string& name);
  static bool TokenNameTaken(store::Conn& c, const std::string& name);
  static std::vector<TokenRow> Tokens(store::Conn& c);  // by name
  static long long InsertToken(store::Conn& c, const TokenRow& t, const std::string& hash);
  static void TouchToken(store::Conn& c, long long id, const std::string& at);
  static void RevokeToken(store::Conn& c, long long id, const std::string& at);
};

}  // namespace kientao::auth
