-- The commune's catalogue of administrative procedures (thủ tục hành chính) and the dossiers
-- (hồ sơ) received under them, one row each, with the extra columns of an import kept as JSON.
CREATE TABLE services_procedures (
  id @ID@,
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  sector TEXT NOT NULL DEFAULT '',
  online_level TEXT NOT NULL,          -- full | partial | none
  handling_days INTEGER NOT NULL,      -- legal handling time, working days
  fee BIGINT,                          -- VND; NULL when none is set
  extra TEXT NOT NULL DEFAULT '{}',    -- the import's other columns, by header
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (commune_id, code)
);

CREATE TABLE services_dossiers (
  id @ID@,
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  unit_id BIGINT NOT NULL REFERENCES org_units (id),   -- the receiving unit
  code TEXT NOT NULL,
  procedure_id BIGINT NOT NULL REFERENCES services_procedures (id),
  applicant_name TEXT NOT NULL DEFAULT '',
  applicant_key TEXT NOT NULL DEFAULT '',               -- folded for search
  citizen_id TEXT NOT NULL DEFAULT '',
  received_on TEXT NOT NULL,                            -- YYYY-MM-DD
  received_time TEXT,                                   -- HH:MM when known
  channel TEXT NOT NULL,                                -- online | counter | post
  full_process_online INTEGER NOT NULL,
  due_on TEXT NOT NULL,
  returned_on TEXT,
  status TEXT NOT NULL,
  fee_paid_online INTEGER NOT NULL DEFAULT 0,
  handler TEXT NOT NULL DEFAULT '',
  extra TEXT NOT NULL DEFAULT '{}',
  public_token TEXT UNIQUE,     -- the slip's QR: the applicant's lookup (set when a slip is made)
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (commune_id, code)
);
-- The register: a unit's dossiers, newest first. (The statistics read services_daily.)
CREATE INDEX services_dossiers_unit_received ON services_dossiers (unit_id, received_on);

-- A dossier's timeline: receipt, steps, supplement requests, pauses, extensions, the result.
CREATE TABLE services_dossier_events (
  id @ID@,
  dossier_id BIGINT NOT NULL REFERENCES services_dossiers (id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  actor TEXT NOT NULL
);
CREATE INDEX services_dossier_events_dossier ON services_dossier_events (dossier_id);
