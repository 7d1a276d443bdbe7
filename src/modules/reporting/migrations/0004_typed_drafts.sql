-- What a reporter typed into a draft that could not be kept as a value ("2l5", "12.5", a percent of
-- 120): saved as typed so the draft reopens exactly as it was left, the entry still marked. A report
-- with any of these cannot be submitted.
CREATE TABLE report_typed_entries (
  submission_id BIGINT NOT NULL REFERENCES submissions (id),
  field TEXT NOT NULL,
  typed TEXT NOT NULL,
  PRIMARY KEY (submission_id, field)
);
