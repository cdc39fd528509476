-- Accounts of this workstation (offline login) and the tamper-evident audit log.
CREATE TABLE users (
  id                   TEXT PRIMARY KEY,
  login                TEXT NOT NULL UNIQUE COLLATE NOCASE,
  full_name            TEXT NOT NULL,
  iin                  TEXT NOT NULL,
  role                 TEXT NOT NULL CHECK (role IN ('operator', 'mobileOperator', 'clerk', 'head', 'supervisor')),
  organisation         TEXT NOT NULL,
  password_hash        TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 1 CHECK (must_change_password IN (0, 1)),
  active               INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  failed_attempts      INTEGER NOT NULL DEFAULT 0,
  locked_until         TEXT,
  last_login_at        TEXT,
  created_at           TEXT NOT NULL
) STRICT;

-- Policy values a supervisor may change; code holds the defaults.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Append-only: each entry carries the hash of the previous one and of its own content, so an
-- edit, a deletion, an insertion or a reordering breaks the chain (npm run audit:verify).
CREATE TABLE audit_log (
  seq          INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  user_id      TEXT,
  workstation  TEXT NOT NULL,
  action       TEXT NOT NULL,
  object_type  TEXT,
  object_id    TEXT,
  details      TEXT NOT NULL,
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL UNIQUE
) STRICT;

CREATE INDEX audit_log_user ON audit_log (user_id, seq);
CREATE INDEX audit_log_action ON audit_log (action, seq);
CREATE INDEX audit_log_object ON audit_log (object_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
