-- Accounts, their roles over org subtrees, browser sessions and API tokens.
CREATE TABLE users (
  id @ID@,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  staff_id BIGINT REFERENCES staff (id),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE user_roles (
  id @ID@,
  user_id BIGINT NOT NULL REFERENCES users (id),
  role TEXT NOT NULL,
  scope_unit_id BIGINT NOT NULL REFERENCES org_units (id),
  UNIQUE (user_id, role, scope_unit_id)
);
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen BIGINT NOT NULL,
  remote_addr TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE TABLE api_tokens (
  id @ID@,
  name TEXT NOT NULL UNIQUE,
  token_hash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  scope_unit_id BIGINT NOT NULL REFERENCES org_units (id),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  last_used_at TEXT
);
