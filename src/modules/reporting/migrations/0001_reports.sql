-- Periodic report forms, the units' reports per period (versions, workflow), their values and
-- narratives per key task, reminders, and the commune's consolidated report with its number.
CREATE TABLE report_forms (
  id @ID@,
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  period_type TEXT NOT NULL,
  deadline_working_days INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (commune_id, code)
);
CREATE TABLE report_form_indicators (
  form_id BIGINT NOT NULL REFERENCES report_forms (id),
  indicator_id BIGINT NOT NULL REFERENCES indicators (id),
  position INTEGER NOT NULL,
  PRIMARY KEY (form_id, indicator_id)
);
CREATE TABLE report_form_units (
  form_id BIGINT NOT NULL REFERENCES report_forms (id),
  unit_id BIGINT NOT NULL REFERENCES org_units (id),
  PRIMARY KEY (form_id, unit_id)
);
CREATE TABLE report_form_tasks (
  form_id BIGINT NOT NULL REFERENCES report_forms (id),
  key_no INTEGER NOT NULL,
  PRIMARY KEY (form_id, key_no)
);
CREATE TABLE submissions (
  id @ID@,
  form_id BIGINT NOT NULL REFERENCES report_forms (id),
  unit_id BIGINT NOT NULL REFERENCES org_units (id),
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  period_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  status TEXT NOT NULL,
  justification TEXT NOT NULL,
  return_reason TEXT NOT NULL,
  created_by BIGINT NOT NULL,
  submitted_by BIGINT NOT NULL,
  submitted_by_name TEXT NOT NULL,
  first_submitted_at TEXT,
  submitted_at TEXT,
  decided_by_name TEXT NOT NULL,
  decided_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (form_id, unit_id, period_id, version)
);
CREATE INDEX submissions_period ON submissions (commune_id, period_id);
CREATE TABLE report_values (
  submission_id BIGINT NOT NULL REFERENCES submissions (id),
  indicator_id BIGINT NOT NULL REFERENCES indicators (id),
  numerator DOUBLE PRECISION NOT NULL,
  denominator DOUBLE PRECISION,
  PRIMARY KEY (submission_id, indicator_id)
);
CREATE TABLE report_narratives (
  submission_id BIGINT NOT NULL REFERENCES submissions (id),
  key_no INTEGER NOT NULL,
  results TEXT NOT NULL,
  difficulties TEXT NOT NULL,
  proposals TEXT NOT NULL,
  PRIMARY KEY (submission_id, key_no)
);
CREATE TABLE report_reminders (
  id @ID@,
  form_id BIGINT NOT NULL REFERENCES report_forms (id),
  unit_id BIGINT NOT NULL REFERENCES org_units (id),
  period_id TEXT NOT NULL,
  sent_by TEXT NOT NULL,
  sent_at TEXT NOT NULL
);
CREATE INDEX report_reminders_unit ON report_reminders (unit_id, period_id);
CREATE TABLE commune_reports (
  id @ID@,
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  period_id TEXT NOT NULL,
  status TEXT NOT NULL,
  doc_year INTEGER,
  doc_no INTEGER,
  issued_on TEXT,
  subject TEXT NOT NULL,
  signer TEXT NOT NULL,
  signer_authority TEXT NOT NULL,
  signer_title TEXT NOT NULL,
  recipients TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (commune_id, period_id)
);
CREATE TABLE commune_report_sections (
  report_id BIGINT NOT NULL REFERENCES commune_reports (id),
  key_no INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (report_id, key_no)
);
-- Document numbers run from 01 each year per commune and document type (Decree 30/2020 art. 15).
CREATE TABLE document_numbers (
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  year INTEGER NOT NULL,
  doc_type TEXT NOT NULL,
  last_no INTEGER NOT NULL,
  PRIMARY KEY (commune_id, year, doc_type)
);
