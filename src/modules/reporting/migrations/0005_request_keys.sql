-- One sending of a report form (a page's key): a replay of the same sending — a double click, or the
-- phone's offline queue sending again after a lost answer — is recognised and writes nothing more.
CREATE TABLE report_request_keys (
  request_key TEXT PRIMARY KEY,
  submission_id BIGINT NOT NULL REFERENCES submissions (id),
  created_at TEXT NOT NULL
);
