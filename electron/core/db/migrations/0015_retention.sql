-- Retention (electron/core/retention): when a request's personal data and scans were purged. The
-- row stays (number, service, states and dates feed the reports and the audit's object ids).
ALTER TABLE requests ADD COLUMN purged_at TEXT;
CREATE INDEX requests_purge ON requests (state, purged_at);
-- Scans of purged requests still to be removed from attachments/: written in the purge's own
-- transaction, so a purge killed before the files go finishes on the next run.
CREATE TABLE purge_scans (
  sha256 TEXT PRIMARY KEY
) STRICT;
