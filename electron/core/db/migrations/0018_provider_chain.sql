-- The provider's chain of issue 17 and the outside decision stages of issue 19 item 5.
-- 1. The role 'officeWorker' (работник канцелярии услугодателя): the users table's CHECK lists the
--    roles, and SQLite cannot change a column constraint in place, so the table is copied (rowids
--    and ids kept: request events, assignments and sessions refer to them), dropped and renamed.
--    The executor keeps its stored id 'clerk' (shared/api/roles.ts).
CREATE TABLE users_rebuilt (
  id                   TEXT PRIMARY KEY,
  login                TEXT NOT NULL UNIQUE COLLATE NOCASE,
  full_name            TEXT NOT NULL,
  iin                  TEXT NOT NULL,
  role                 TEXT NOT NULL CHECK (role IN ('operator', 'mobileOperator', 'officeWorker', 'clerk', 'head', 'supervisor')),
  organisation         TEXT NOT NULL,
  password_hash        TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 1 CHECK (must_change_password IN (0, 1)),
  active               INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  failed_attempts      INTEGER NOT NULL DEFAULT 0,
  locked_until         TEXT,
  last_login_at        TEXT,
  created_at           TEXT NOT NULL
) STRICT;
INSERT INTO users_rebuilt (rowid, id, login, full_name, iin, role, organisation, password_hash, must_change_password, active, failed_attempts, locked_until, last_login_at, created_at)
  SELECT rowid, id, login, full_name, iin, role, organisation, password_hash, must_change_password, active, failed_attempts, locked_until, last_login_at, created_at FROM users;
DROP TABLE users;
ALTER TABLE users_rebuilt RENAME TO users;

-- 2. Acts of a body outside the provider that the result rests on: the district akimat's
--    resolution (001 Рег.3 п.5 пп.4, 6 working days) and a commission's conclusion (003 Рег.2,
--    Рег.7). An act's number is the adopting body's: the same number twice for one provider and
--    kind is refused (ACT_NUMBER_REUSED).
CREATE TABLE outside_acts (
  request_id  TEXT PRIMARY KEY REFERENCES requests (id),
  provider    TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('akimatResolution', 'commission')),
  -- Sent to the outside body by the executor (its clock starts), then the act as adopted.
  sent_at     TEXT NOT NULL,
  sent_by     TEXT NOT NULL REFERENCES users (id),
  number      TEXT,
  date        TEXT,
  recorded_at TEXT,
  recorded_by TEXT REFERENCES users (id),
  UNIQUE (provider, kind, number)
) STRICT;
