#pragma once
// Who is making a request, as the HTTP layer and the modules see it. Filled by the auth module.
#include <string>
#include <vector>

namespace kientao {

// One role held over an org subtree: `scope_path` is the materialised path of the subtree's root
// ("/1/2/").
struct RoleGrant {
  std::string
      role;  // "admin", "leader", "office", "unit_head", "staff", "village_head", "supervisor"
  long long scope_unit_id = 0;
  std::string scope_path;
};

struct Principal {
  long long user_id = 0;   // 0 for an API token that is not a user
  long long token_id = 0;  // non-zero when authenticated by an API token
  std::string username;    // or the token's name
  std::string display_name;
  long long staff_id = 0;
  std::vector<RoleGrant> grants;
  std::string csrf_token;  // empty for API tokens
  std::string session_id_hash;
};

// Who acts, for permission checks and the audit log.
struct Actor {
  const Principal& who;
  std::string audit_name;  // "nguyenvana", "token:city-sync", "cli"
  std::string remote_addr;
  // The name pages show for what this actor did ("Nguyễn Phú Trung"): the person's name, their
  // user name only when they have none. The audit log keeps audit_name.
  std::string ShownName() const { return who.display_name.empty() ? audit_name : who.display_name; }
};

}  // namespace kientao
