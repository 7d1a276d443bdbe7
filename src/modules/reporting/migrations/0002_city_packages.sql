-- Commune reports received by a city installation as JSON packages: the package as received (the
-- latest one per commune and period; importing the same package again changes nothing) and its
-- commune-level indicator values, which the city view rolls up.
CREATE TABLE city_packages (
  id @ID@,
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  period_id TEXT NOT NULL,
  digest TEXT NOT NULL,
  doc_number TEXT NOT NULL,
  payload TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  UNIQUE (commune_id, period_id)
);
CREATE TABLE city_package_values (
  package_id BIGINT NOT NULL REFERENCES city_packages (id),
  indicator_id BIGINT NOT NULL REFERENCES indicators (id),
  numerator DOUBLE PRECISION,
  denominator DOUBLE PRECISION,
  target DOUBLE PRECISION,
  PRIMARY KEY (package_id, indicator_id)
);
