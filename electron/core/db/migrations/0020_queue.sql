-- Queue registers (003 Reg.3: «Журнал регистрации детей дошкольного возраста»; Reg.7: the
-- housing list): one register per provider, service and register name (age group and
-- kindergarten, or housing category). The journal number is given once and never changes; the
-- place is counted from the entries still waiting, so nobody can type one in.
CREATE TABLE queue_entries (
  id            TEXT PRIMARY KEY,
  provider      TEXT NOT NULL,
  service_id    TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('preschool', 'housing')),
  register      TEXT NOT NULL,
  number        INTEGER NOT NULL CHECK (number > 0),
  request_id    TEXT NOT NULL REFERENCES requests (id),
  applicant_iin TEXT NOT NULL,
  person        TEXT NOT NULL,
  registered_on TEXT NOT NULL,
  state         TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'referred', 'withdrawn')),
  left_on       TEXT,
  note          TEXT,
  UNIQUE (provider, service_id, register, number)
) STRICT;
CREATE INDEX queue_entries_waiting ON queue_entries (provider, service_id, register, state, number);
CREATE INDEX queue_entries_applicant ON queue_entries (applicant_iin);
-- A request waits in one register at a time (a clerk deciding again may move it to another).
CREATE UNIQUE INDEX queue_entries_request_waiting ON queue_entries (request_id) WHERE state = 'waiting';

-- A number, a register or a day edited outside the register's code (a hand-made UPDATE) is
-- refused; an entry that left the queue never comes back into it.
CREATE TRIGGER queue_entries_fixed BEFORE UPDATE OF provider, service_id, kind, register, number, registered_on ON queue_entries
BEGIN
  SELECT RAISE(ABORT, 'QUEUE_POSITION_MANUAL');
END;
CREATE TRIGGER queue_entries_closed BEFORE UPDATE OF state ON queue_entries WHEN OLD.state <> 'waiting'
BEGIN
  SELECT RAISE(ABORT, 'QUEUE_ENTRY_CLOSED');
END;
