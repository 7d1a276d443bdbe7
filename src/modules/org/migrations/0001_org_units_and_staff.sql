-- Org-unit tree and staff. Dates are ISO text; commune_id is the tenant key of every commune-owned row.
-- search_key is the folded name (no diacritics, lower case); staff.sort_key is the hex ICU Vietnamese
-- collation key of the name, given name first, so lists sort in SQL the Vietnamese way.
CREATE TABLE org_units (
  id @ID@,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  parent_id BIGINT REFERENCES org_units (id),
  path TEXT NOT NULL,
  commune_id BIGINT,
  active_from TEXT NOT NULL,
  active_to TEXT,
  search_key TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX org_units_path ON org_units (path);
CREATE INDEX org_units_parent ON org_units (parent_id);
CREATE TABLE staff (
  id @ID@,
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  unit_id BIGINT NOT NULL REFERENCES org_units (id),
  full_name TEXT NOT NULL,
  sex TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  citizen_id TEXT NOT NULL,
  category TEXT NOT NULL,
  position TEXT NOT NULL,
  start_date TEXT NOT NULL,
  status TEXT NOT NULL,
  end_date TEXT,
  search_key TEXT NOT NULL,
  sort_key TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX staff_commune_citizen ON staff (commune_id, citizen_id);
CREATE INDEX staff_commune_unit ON staff (commune_id, unit_id);
