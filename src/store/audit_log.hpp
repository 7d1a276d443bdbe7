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
  std::optional<std::string> mac;  // HMAC-SHA256 of `hash` under the audit key, when one is set
};

// The key that seals every entry from now on (the bytes of [audit] key_file), "" for none. Set once
// at start, before any request.
void SetAuditKey(std::string key);
bool AuditKeySet();

// Appends `e` (seq, at, prev_hash and hash are filled here). Must run inside the caller's write
// transaction so the entry commits or rolls back with the change it describes.
void AppendAudit(Conn& c, AuditEntry e);

// The same for an action by `a` (who and from where), the way every service records its writes.
void AppendAudit(Conn& c, const Actor& a, std::string action, std::string entity,
                 std::string entity_id, std::optional<long long> commune_id,
                 std::optional<std::string> before, std::optional<std::string> after);

// The same with the numeric ids services use (`commune_id` 0: none).
void AppendAudit(Conn& c, const Actor& a, std::string action, std::string entity, long long id,
                 long long commune_id, std::optional<std::string> before,
                 std::optional<std::string> after);

struct AuditQuery {
  std::string entity;                  // "" = any
  std::string actor;                   // "" = any
  std::vector<long long> commune_ids;  // empty = any
  long long before_seq = 0;            // 0 = newest first from the end
  int limit = 50;
};
std::vector<AuditEntry> ListAudit(Conn& c, const AuditQuery& q);

// A point of the chain written down somewhere else (printed, mailed to the city): "SEQ:HASH".
struct AuditAnchor {
  long long seq = 0;
  std::string hash;
  std::string ToString() const { return std::to_string(seq) + ":" + hash; }
};
std::optional<AuditAnchor> ParseAuditAnchor(std::string_view s);
// The newest entry, to anchor.
AuditAnchor AuditHead(Conn& c);

struct AuditProblem {
  long long seq = 0;
  std::string problem;  // English, for the operator
};
struct AuditVerdict {
  bool ok = true;
  long long entries = 0;
  long long first_bad_seq = 0;         // 0 when ok
  std::string problem;                 // the first problem
  std::vector<AuditProblem> problems;  // every one, in order
  long long sealed = 0;                // entries whose seal was checked against the key
};
// Walks the whole chain and reports every broken entry: missing, changed, out of order, a seal
// that does not match the key (the chain was recomputed by someone without it), entries after a
// sealed one written without a seal; with `anchor`, that the chain still holds that entry with that
// hash (it was not rewound or rewritten behind it). Thread-safe with concurrent appends (reads a
// snapshot).
AuditVerdict VerifyAudit(Conn& c, const std::optional<AuditAnchor>& anchor = std::nullopt);

// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

}  // namespace kientao::store
