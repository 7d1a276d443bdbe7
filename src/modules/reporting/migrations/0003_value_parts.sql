-- The parts of a disaggregated value (one per combination of category options); report_values keeps
-- their sum as the value.
CREATE TABLE report_value_parts (
  submission_id BIGINT NOT NULL REFERENCES submissions (id),
  indicator_id BIGINT NOT NULL REFERENCES indicators (id),
  combo TEXT NOT NULL,
  numerator DOUBLE PRECISION NOT NULL,
  denominator DOUBLE PRECISION,
  PRIMARY KEY (submission_id, indicator_id, combo)
);
