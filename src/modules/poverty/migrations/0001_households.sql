-- The household registry of key task 7: households (hộ) in their village, the facts of their house
-- and income the poverty standard asks about, and their members with the facts each indicator is
-- derived from. Citizen IDs are personal data: shown masked, a full read audited. Rows are never
-- deleted: a household or member that leaves is marked inactive.
CREATE TABLE poverty_households (
  id @ID@,
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  village_id BIGINT NOT NULL REFERENCES org_units (id),  -- thôn or tổ dân phố
  code TEXT NOT NULL,                                   -- the commune's household number
  area TEXT NOT NULL,                                   -- rural | urban
  agricultural INTEGER NOT NULL DEFAULT 0,
  income_per_capita DOUBLE PRECISION NOT NULL,          -- VND per person per month
  durable_house INTEGER NOT NULL DEFAULT 1,
  floor_area_m2 DOUBLE PRECISION NOT NULL,
  safe_water INTEGER NOT NULL DEFAULT 1,
  hygienic_latrine INTEGER NOT NULL DEFAULT 1,
  waste_treated INTEGER NOT NULL DEFAULT 1,
  information_assets TEXT NOT NULL DEFAULT '',          -- "tv,smartphone"
  active INTEGER NOT NULL DEFAULT 1,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (commune_id, code)
);
CREATE INDEX poverty_households_village ON poverty_households (village_id);

CREATE TABLE poverty_members (
  id @ID@,
  household_id BIGINT NOT NULL REFERENCES poverty_households (id),
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  position INTEGER NOT NULL,                            -- order in the household
  full_name TEXT NOT NULL,
  relationship TEXT NOT NULL,                           -- head | spouse | child | parent | grandchild | other
  sex TEXT NOT NULL,                                    -- male | female
  birth_date TEXT NOT NULL,
  citizen_id TEXT,                                      -- 12 digits, NULL when none (a young child)
  work TEXT NOT NULL,
  health_insurance INTEGER NOT NULL,
  monthly_social_allowance INTEGER NOT NULL DEFAULT 0,
  malnourished INTEGER NOT NULL DEFAULT 0,
  qualified INTEGER NOT NULL DEFAULT 0,
  in_school INTEGER NOT NULL DEFAULT 0,
  uses_internet INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  UNIQUE (commune_id, citizen_id)                       -- one person, one household, in a commune
);
CREATE INDEX poverty_members_household ON poverty_members (household_id);
