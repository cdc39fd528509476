-- Workstation-wide facts: the workstation id (it goes into the audit log and every request),
-- the time the database was created.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

INSERT INTO meta (key, value) VALUES
  ('workstation_id', lower(hex(randomblob(16)))),
  ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
