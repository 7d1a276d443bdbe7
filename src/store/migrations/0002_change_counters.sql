-- A counter per module, bumped in the same transaction as every write of that module, so in-memory caches
-- (in this process or another) know when what they hold is stale.
CREATE TABLE change_counters (
  name TEXT PRIMARY KEY,
  generation BIGINT NOT NULL
);
INSERT INTO change_counters (name, generation) VALUES ('org', 0);
