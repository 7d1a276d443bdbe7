-- The meeting that rated a commune's civil servants for a year, as its minutes record it.
CREATE TABLE kpi_rating_meetings (
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  year INTEGER NOT NULL,
  held_on TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  place TEXT NOT NULL,
  attendees TEXT NOT NULL,
  chair TEXT NOT NULL,
  secretary TEXT NOT NULL,
  conclusion TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (commune_id, year)
);
