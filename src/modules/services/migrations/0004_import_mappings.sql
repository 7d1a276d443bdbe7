-- How each source's export is read (the mapping screen), remembered per commune: the header row and
-- the columns mapped to the import's names (JSON object: folded header → import column).
CREATE TABLE services_import_mappings (
  id @ID@,
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  source TEXT NOT NULL,
  header_row INTEGER NOT NULL,
  columns TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (commune_id, source)
);
