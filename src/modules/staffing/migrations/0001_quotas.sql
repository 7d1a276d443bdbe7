-- Staffing quotas (biên chế được giao) per unit and year of the 2026–2031 plan.
CREATE TABLE staffing_quotas (
  unit_id BIGINT NOT NULL REFERENCES org_units (id),
  year INTEGER NOT NULL,
  quota INTEGER NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (unit_id, year)
);
