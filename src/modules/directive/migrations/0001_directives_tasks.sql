-- Directives (văn bản chỉ đạo), their tasks, cooperating units and progress updates. Task status is never
-- stored: it is derived from start, deadline, completion and stop (domain/task_status).
CREATE TABLE directives (
  id @ID@,
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  number_symbol TEXT NOT NULL,
  issued_on TEXT NOT NULL,
  issuer TEXT NOT NULL,
  signer TEXT NOT NULL,
  signer_authority TEXT NOT NULL,
  subject TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  recipients TEXT NOT NULL,
  full_text TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX directives_commune ON directives (commune_id);
CREATE TABLE tasks (
  id @ID@,
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  directive_id BIGINT REFERENCES directives (id),
  key_no INTEGER,
  code TEXT NOT NULL,
  title TEXT NOT NULL,
  lead_unit_id BIGINT NOT NULL REFERENCES org_units (id),
  start_on TEXT NOT NULL,
  deadline TEXT,
  recurrence TEXT NOT NULL,
  expected_outputs TEXT NOT NULL,
  progress INTEGER NOT NULL,
  completed_on TEXT,
  stopped INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (commune_id, code)
);
CREATE INDEX tasks_directive ON tasks (directive_id);
CREATE TABLE task_cooperators (
  task_id BIGINT NOT NULL REFERENCES tasks (id),
  unit_id BIGINT NOT NULL REFERENCES org_units (id),
  PRIMARY KEY (task_id, unit_id)
);
CREATE TABLE task_updates (
  id @ID@,
  task_id BIGINT NOT NULL REFERENCES tasks (id),
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  on_date TEXT NOT NULL,
  percent INTEGER NOT NULL,
  narrative TEXT NOT NULL,
  results TEXT NOT NULL,
  difficulties TEXT NOT NULL,
  proposals TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX task_updates_task ON task_updates (task_id);
