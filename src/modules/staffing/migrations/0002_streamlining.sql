-- The streamlining plan (Decree 154/2025): the people proposed to leave, each with the ground, the day
-- of leaving, the regime chosen and what the estimate needs (salary, insured months); and the cases
-- in which streamlining is deferred (pregnancy, maternity, a child under 36 months, discipline,
-- investigation).
CREATE TABLE staffing_candidates (
  id @ID@,
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  staff_id BIGINT NOT NULL UNIQUE REFERENCES staff (id),
  ground TEXT NOT NULL,
  note TEXT NOT NULL,
  leave_on TEXT NOT NULL,
  regime TEXT NOT NULL,
  salary DOUBLE PRECISION NOT NULL,
  insured_months INTEGER NOT NULL,
  within_12_months INTEGER NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX staffing_candidates_commune ON staffing_candidates (commune_id);
CREATE TABLE staffing_deferrals (
  id @ID@,
  staff_id BIGINT NOT NULL REFERENCES staff (id),
  kind TEXT NOT NULL,
  from_date TEXT NOT NULL,
  to_date TEXT,
  note TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX staffing_deferrals_staff ON staffing_deferrals (staff_id);
