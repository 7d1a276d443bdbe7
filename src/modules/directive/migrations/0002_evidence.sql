-- Evidence files of tasks (minh chứng) and attachments of directives. The bytes are stored once per
-- content (BLAKE2b digest), base64 in a text column so both databases and the backup keep them.
CREATE TABLE file_blobs (
  digest TEXT PRIMARY KEY,
  size BIGINT NOT NULL,
  media_type TEXT NOT NULL,
  data TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE task_evidence (
  id @ID@,
  task_id BIGINT NOT NULL REFERENCES tasks (id),
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  file_name TEXT NOT NULL,
  digest TEXT NOT NULL REFERENCES file_blobs (digest),
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX task_evidence_task ON task_evidence (task_id);
