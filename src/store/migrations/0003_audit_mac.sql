-- Each entry's seal: HMAC-SHA256 of its hash under a key kept outside the database ([audit]
-- key_file), so someone holding only the database file cannot rewrite the chain and recompute it.
-- NULL for entries written while no key was configured.
ALTER TABLE audit_log ADD COLUMN mac TEXT;
