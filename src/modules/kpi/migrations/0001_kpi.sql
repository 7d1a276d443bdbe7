-- KPI evaluation of civil servants (Decree 335/2025): the product catalogue (versioned: a change is
-- a new row, the old one retired), the unit's monitoring period, assignments with their completion
-- and review, the head's general-criteria score per period, absences, veto conditions, quota
-- exceptions and the approved annual ratings. Periods are ids of base/period ("2026M11", "2026Q4").
CREATE TABLE kpi_products (
  id @ID@,
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  unit_id BIGINT NOT NULL REFERENCES org_units (id),
  position TEXT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  measure TEXT NOT NULL,
  factor DOUBLE PRECISION NOT NULL,
  version INTEGER NOT NULL,
  valid_from TEXT NOT NULL,
  retired_on TEXT,
  created_by TEXT NOT NULL,
  UNIQUE (unit_id, code, version)
);
CREATE TABLE kpi_unit_settings (
  unit_id BIGINT PRIMARY KEY REFERENCES org_units (id),
  period_kind TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE kpi_assignments (
  id @ID@,
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  unit_id BIGINT NOT NULL REFERENCES org_units (id),
  staff_id BIGINT NOT NULL REFERENCES staff (id),
  product_id BIGINT REFERENCES kpi_products (id),
  factor DOUBLE PRECISION NOT NULL,
  quantity DOUBLE PRECISION NOT NULL,
  title TEXT NOT NULL,
  assigned_on TEXT NOT NULL,
  deadline TEXT NOT NULL,
  source TEXT NOT NULL,
  task_id BIGINT UNIQUE REFERENCES tasks (id),
  assigned_by TEXT NOT NULL,
  assigner_staff_id BIGINT REFERENCES staff (id),
  status TEXT NOT NULL,
  completed_on TEXT,
  report_note TEXT NOT NULL DEFAULT '',
  reviewed_by TEXT,
  reviewer_staff_id BIGINT REFERENCES staff (id),
  reviewed_at TEXT,
  review_note TEXT NOT NULL DEFAULT '',
  meets_requirements INTEGER NOT NULL DEFAULT 1,
  major_errors INTEGER NOT NULL DEFAULT 0,
  delays INTEGER NOT NULL DEFAULT 0,
  objective_cause INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX kpi_assignments_staff ON kpi_assignments (staff_id, deadline);
CREATE INDEX kpi_assignments_commune ON kpi_assignments (commune_id, deadline);
CREATE INDEX kpi_assignments_status ON kpi_assignments (status, commune_id);
-- Each person's products of a month (by deadline) as the period score needs them — weights assigned,
-- completed, and after the quality and timeliness deductions (domain SumProducts) — rewritten in the
-- transaction of every change to their products, so the scores of a whole city read one row per person
-- and month. kpi_outcome_basis holds the deduction rates they were computed with; a rule file with
-- other rates rebuilds them at start.
CREATE TABLE kpi_outcomes (
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  staff_id BIGINT NOT NULL REFERENCES staff (id),
  month INTEGER NOT NULL,  -- 202611
  assigned DOUBLE PRECISION NOT NULL,
  done DOUBLE PRECISION NOT NULL,
  quality DOUBLE PRECISION NOT NULL,
  timely DOUBLE PRECISION NOT NULL,
  items INTEGER NOT NULL,
  pending INTEGER NOT NULL,
  PRIMARY KEY (staff_id, month)
);
-- Covering: a commune's months are read from the index alone.
CREATE INDEX kpi_outcomes_commune ON kpi_outcomes (commune_id, month, staff_id, assigned, done,
  quality, timely, items, pending);
CREATE TABLE kpi_outcome_basis (
  per_major_error DOUBLE PRECISION NOT NULL,
  per_delay DOUBLE PRECISION NOT NULL
);
CREATE TABLE kpi_general_scores (
  staff_id BIGINT NOT NULL REFERENCES staff (id),
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  period TEXT NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  note TEXT NOT NULL,
  scored_by TEXT NOT NULL,
  scored_at TEXT NOT NULL,
  PRIMARY KEY (staff_id, period)
);
CREATE INDEX kpi_general_scores_commune ON kpi_general_scores (commune_id, period, staff_id, score);
CREATE TABLE kpi_absences (
  staff_id BIGINT NOT NULL REFERENCES staff (id),
  period TEXT NOT NULL,
  reason TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  PRIMARY KEY (staff_id, period)
);
CREATE TABLE kpi_vetoes (
  staff_id BIGINT NOT NULL REFERENCES staff (id),
  year INTEGER NOT NULL,
  reason TEXT NOT NULL,
  decision TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (staff_id, year)
);
CREATE TABLE kpi_quota_exceptions (
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  year INTEGER NOT NULL,
  reason TEXT NOT NULL,
  decision TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (commune_id, year)
);
CREATE TABLE kpi_annual_ratings (
  staff_id BIGINT NOT NULL REFERENCES staff (id),
  year INTEGER NOT NULL,
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  unit_id BIGINT NOT NULL REFERENCES org_units (id),
  position TEXT NOT NULL,
  average DOUBLE PRECISION NOT NULL,
  periods INTEGER NOT NULL,
  rating TEXT NOT NULL,
  veto_reason TEXT,
  approved_by TEXT NOT NULL,
  approved_at TEXT NOT NULL,
  PRIMARY KEY (staff_id, year)
);
CREATE INDEX kpi_annual_commune ON kpi_annual_ratings (commune_id, year);
