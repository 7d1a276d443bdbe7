#pragma once
// Accounts, roles, sessions and API tokens. Passwords are Argon2id (libsodium crypto_pwhash_str);
// session ids and API tokens are 256-bit random values of which only the SHA-256 is stored. Every
// write is audited. Thread-safe.
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/principal.hpp"
#include "base/throttle.hpp"
#include "store/db.hpp"

namespace kientao::auth {

struct AuthOptions {
  long idle_timeout_seconds = 30 * 60;        // a session unused this long ends
  long absolute_timeout_seconds = 12 * 3600;  // and every session ends this long after login
  int max_failures_per_account = 5;
  int max_failures_per_address = 20;
  long throttle_window_seconds = 15 * 60;
};

struct GrantInfo {
  std::string role;
  std::string scope_code;
  std::string scope_name;
};

struct UserInfo {
  long long id = 0;
  std::string username;
  std::string display_name;
  long long staff_id = 0;
  bool active = true;
  std::vector<GrantInfo> grants;
};

struct NewUser {
  std::string username;
  std::string display_name;
  std::string password;
  long long staff_id = 0;
  std::string role;
  std::string scope_code;
};

struct TokenInfo {
  long long id = 0;
  std::string name;
  std::string role;
  std::string scope_code;
  std::string created_by;
  std::string created_at;
  std::optional<std::string> revoked_at;
  std::optional<std::string> last_used_at;
};

struct LoginResult {
  std::string session_token;  // the cookie value; only its hash is stored
  std::string csrf_token;
};

class AuthService {
 public:
  AuthService(store::Database& db, AuthOptions opts);

  // Throws AUTH-3002 (throttled, with the wait in minutes) or AUTH-3001 (wrong name or password, or
  // a disabled account — the answer does not say which).
  LoginResult Login(const std::string& username, const std::string& password,
                    const std::string& remote_addr);
  void Logout(const std::string& session_token);
  // Throws AUTH-3002 when sign-ins from `remote_addr` are throttled: the sign-in routes ask before
  // they read the request's body, so a throttled address costs no parsing.
  void CheckAddress(const std::string& remote_addr);
  // The largest sign-in request body read (a name, a password, the page to return to).
  static constexpr size_t kMaxLoginBody = 8192;
  // The principal behind a session cookie value, or nullopt when unknown, expired or disabled.
  // Answers from memory for up to kSessionCacheSeconds; logout, disabling and password changes in
  // this process take effect at once, those made by another process (the command line) within that
  // time.
  std::optional<Principal> FromSession(const std::string& session_token);
  static constexpr long kSessionCacheSeconds = 5;
  // The principal behind an API token, or nullopt when unknown or revoked.
  std::optional<Principal> FromToken(const std::string& token);
  // Sets (or clears, with "") an account's e-mail address for reminder digests: administrators
  // (users.admin) over the account's scope; AUTH-3016 for an address that is not one.
  void SetEmail(const Actor& a, const std::string& username, const std::string& email);
  // Active accounts with an e-mail address, each as the principal it signs in as.
  std::vector<std::pair<Principal, std::string>> DigestRecipients();

  std::vector<UserInfo> ListUsers(const Actor& a);
  long long CreateUser(const Actor& a, const NewUser& u);
  void SetPassword(const Actor& a, const std::string& username, const std::string& password);
  // For a signed-in user changing their password: throws AUTH-3015 when `password` is not their
  // current one (counted like a failed login, so it cannot be used to guess) or AUTH-3002 when
  // throttled.
  void CheckCurrentPassword(const Actor& a, const std::string& password);
  void DisableUser(const Actor& a, const std::string& username);

  std::vector<TokenInfo> ListTokens(const Actor& a);
  // Returns the token; it is shown once and never stored.
  std::string CreateToken(const Actor& a, const std::string& name, const std::string& role,
                          const std::string& scope_code);
  void RevokeToken(const Actor& a, const std::string& name);

  static std::string HashPassword(const std::string& password);
  static bool VerifyPassword(const std::string& hash, const std::string& password);
  // At least 10 characters, not all of one kind of character.
  // Throws AUTH-3007 (too short, letters only…), AUTH-3017 (common) or AUTH-3018 (holds the
  // account's name): domain/password.hpp.
  static void RequireGoodPassword(const std::string& password, const std::string& username);
  static bool ValidUsername(const std::string& username);
  // 32 random bytes as 64 hex characters.
  static std::string RandomToken();

 private:
  std::vector<RoleGrant> GrantsOf(store::Conn& c, long long user_id);
  void ForgetSessions(long long user_id);
  store::Database& db_;
  AuthOptions opts_;
  Throttle account_throttle_;
  Throttle address_throttle_;

  struct CachedSession {
    Principal principal;
    long long created_at;
    long long last_seen;
    long long cached_at;
  };
  std::mutex cache_mu_;
  std::unordered_map<std::string, CachedSession> session_cache_;  // by session id hash
};

}  // namespace kientao::auth
