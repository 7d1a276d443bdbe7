-- The citizens' satisfaction survey: the key that signs the receipt slips' survey links, the counter
-- tablets (kiosks), and every questionnaire answered, with its raw answers, so any official aggregation
-- can be recomputed. Nothing here names or identifies the respondent.
CREATE TABLE sipas_keys (
  id INTEGER PRIMARY KEY,          -- always 1
  secret TEXT NOT NULL             -- 32 random bytes, hex
);

CREATE TABLE sipas_kiosks (
  id @ID@,
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  unit_id BIGINT NOT NULL REFERENCES org_units (id),    -- where the tablet stands
  name TEXT NOT NULL,
  token TEXT NOT NULL UNIQUE,       -- the tablet's address /khao-sat/quay/<token>
  active INTEGER NOT NULL DEFAULT 1,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE sipas_responses (
  id @ID@,
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  unit_id BIGINT NOT NULL REFERENCES org_units (id),    -- the unit that served the respondent
  questionnaire TEXT NOT NULL,      -- the rule set: sipas-1001, sipas-2640, a local one
  questionnaire_file TEXT NOT NULL, -- the version answered
  channel TEXT NOT NULL,            -- qr | kiosk | paper
  dossier_id BIGINT UNIQUE REFERENCES services_dossiers (id),   -- one answer per dossier
  procedure_id BIGINT REFERENCES services_procedures (id),
  kiosk_id BIGINT REFERENCES sipas_kiosks (id),
  answered_on TEXT NOT NULL,        -- YYYY-MM-DD, the app's clock
  answered_at TEXT NOT NULL,
  entered_by TEXT NOT NULL DEFAULT ''   -- the clerk who typed a paper questionnaire
);
CREATE INDEX sipas_responses_commune_day ON sipas_responses (commune_id, answered_on);

CREATE TABLE sipas_answers (
  response_id BIGINT NOT NULL REFERENCES sipas_responses (id),
  item TEXT NOT NULL,               -- "services.2"
  level INTEGER NOT NULL,           -- 1 … the scale's top
  PRIMARY KEY (response_id, item)
);
