-- What the statistics count, per receiving unit, procedure, civil servant handling and day, kept with every write of a
-- dossier (store/services_store.cpp), so a city's year of dossiers is counted from a few thousand
-- rows. A dossier adds to the day it was received (received, online, post, full_process,
-- paid_online),
-- to the day its result was returned (returned, early, on_time, late; closed_late when late and
-- neither refused nor withdrawn), to the day it stopped being open (closed: the day of receipt
-- when refused or withdrawn, else the day of return), and to its appointment day (due; due_closed
-- when it was closed by then).
CREATE TABLE services_daily (
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  unit_id BIGINT NOT NULL REFERENCES org_units (id),
  procedure_id BIGINT NOT NULL REFERENCES services_procedures (id),
  handler TEXT NOT NULL,
  day TEXT NOT NULL,
  received INTEGER NOT NULL DEFAULT 0,
  online INTEGER NOT NULL DEFAULT 0,
  post INTEGER NOT NULL DEFAULT 0,
  full_process INTEGER NOT NULL DEFAULT 0,
  paid_online INTEGER NOT NULL DEFAULT 0,
  returned INTEGER NOT NULL DEFAULT 0,
  early INTEGER NOT NULL DEFAULT 0,
  on_time INTEGER NOT NULL DEFAULT 0,
  late INTEGER NOT NULL DEFAULT 0,
  closed INTEGER NOT NULL DEFAULT 0,
  closed_late INTEGER NOT NULL DEFAULT 0,
  due INTEGER NOT NULL DEFAULT 0,
  due_closed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, procedure_id, handler, day)
);
CREATE INDEX services_daily_commune ON services_daily (commune_id, day);
