-- Indicators a form requires before it can be sent (marked on the form; a draft may leave them empty).
ALTER TABLE report_form_indicators ADD COLUMN required INTEGER NOT NULL DEFAULT 0;
