-- The audit log: append-only, each entry chained to the one before by SHA-256.
CREATE TABLE audit_log (
  id @ID@,
  seq BIGINT NOT NULL UNIQUE,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  commune_id BIGINT,
  before_json TEXT,
  after_json TEXT,
  remote_addr TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE TABLE audit_head (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  last_seq BIGINT NOT NULL,
  last_hash TEXT NOT NULL
);
INSERT INTO audit_head (one, last_seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
