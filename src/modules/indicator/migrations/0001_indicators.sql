-- Indicator definitions, their targets per org unit and period, and validation rules between values.
-- Values entered by reporting units live with their report (report_values); values supplied by other
-- modules are computed on demand by providers and never stored twice.
CREATE TABLE indicators (
  id @ID@,
  code TEXT NOT NULL UNIQUE,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  unit TEXT NOT NULL,
  kind TEXT NOT NULL,
  direction TEXT NOT NULL,
  aggregation TEXT NOT NULL,
  key_no INTEGER NOT NULL,
  provider TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE indicator_targets (
  indicator_id BIGINT NOT NULL REFERENCES indicators (id),
  unit_id BIGINT NOT NULL REFERENCES org_units (id),
  period_id TEXT NOT NULL,
  target DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (indicator_id, unit_id, period_id)
);
CREATE TABLE indicator_rules (
  id @ID@,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  left_expr TEXT NOT NULL,
  operator TEXT NOT NULL,
  right_expr TEXT NOT NULL
);
