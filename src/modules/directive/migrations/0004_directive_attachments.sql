-- Attachments of directives (the signed scan, annexes), stored in the same content-addressed file store
-- as task evidence.
CREATE TABLE directive_attachments (
  id @ID@,
  directive_id BIGINT NOT NULL REFERENCES directives (id),
  commune_id BIGINT NOT NULL REFERENCES org_units (id),
  file_name TEXT NOT NULL,
  digest TEXT NOT NULL REFERENCES file_blobs (digest),
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX directive_attachments_directive ON directive_attachments (directive_id);
