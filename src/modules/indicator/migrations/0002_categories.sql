-- Disaggregation of an indicator: its categories and options as JSON ("" = none).
ALTER TABLE indicators ADD COLUMN categories TEXT NOT NULL DEFAULT '';
