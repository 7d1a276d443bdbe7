#pragma once
// The audit log of every write and of every read of a full personal record: who, when, what, before
// and after. Append-only; each entry carries the SHA-256 of the previous entry, and audit_head
// holds the last one, so a changed, inserted or deleted entry breaks the chain and Verify() finds
// it.
#include <optional>
#include <string>
#include <vector>

#include "base/principal.hpp"
#include "store/db.hpp"

namespace kientao::store {

struct AuditEntry {
  long long seq = 0;
  std::string at;      // ISO 8601 UTC
  std::string actor;   // username, "token:NAME" or "cli:USER"
  std::string action;  // "create", "update", "deactivate", "read_full", "login", "import", …
  std::string entity;  // "staff", "org_unit", "user", …
  std::string entity_id;
  std::optional<long long> commune_id;
  std::optional<std::string> before_json;
  std::optional<std::string> after_json;
  std::string remote_addr;
  std::string prev_hash;
  std::string hash;
};

// Appends `e` (seq, at, prev_hash and hash are filled here). Must run inside the caller's write
// transaction so the entry commits or rolls back with the change it describes.
void AppendAudit(Conn& c, AuditEntry e);

// The same for an action by `a` (who and from where), the way every service records its writes.
void AppendAudit(Conn& c, const Actor& a, std::string action, std::string entity,
                 std::string entity_id, std::optional<long long> commune_id,
                 std::optional<std::string> before, std::optional<std::string> after);

struct AuditQuery {
  std::string entity;                  // "" = any
  std::string actor;                   // "" = any
  std::vector<long long> commune_ids;  // empty = any
  long long before_seq = 0;            // 0 = newest first from the end
  int limit = 50;
};
std::vector<AuditEntry> ListAudit(Conn& c, const AuditQuery& q);

struct AuditVerdict {
  bool ok = true;
  long long entries = 0;
  long long first_bad_seq = 0;  // 0 when ok
  std::string problem;          // English, for the operator
};
// Walks the whole chain. Thread-safe with concurrent appends (reads a snapshot).
AuditVerdict VerifyAudit(Conn& c);

// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

}  // namespace kientao::store
