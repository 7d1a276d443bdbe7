-- Who a validation rule belongs to: the commune (or other subtree) whose reports it checks, by the
-- materialised path of its root; NULL for a rule of the whole installation.
ALTER TABLE indicator_rules ADD COLUMN scope_path TEXT;
ALTER TABLE indicator_rules ADD COLUMN commune_id BIGINT;
