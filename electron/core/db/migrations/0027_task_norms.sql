-- The task of telling the applicant takes its regulation's own norm (issue 19 item 4): only 004
-- sets one (a return: within one working day, App.1 T2 c9); elsewhere due_by is NULL and the
-- screen says the regulation sets no term. SQLite cannot drop NOT NULL in place: rebuild.
CREATE TABLE applicant_tasks_new (
  id          TEXT PRIMARY KEY,
  request_id  TEXT NOT NULL REFERENCES requests (id),
  kind        TEXT NOT NULL CHECK (kind IN ('registered', 'inWork', 'extended', 'returned', 'resultReady')),
  reason      TEXT,
  new_due_by  TEXT,
  created_at  TEXT NOT NULL,
  due_by      TEXT,
  done_at     TEXT,
  done_by     TEXT REFERENCES users (id)
) STRICT;
INSERT INTO applicant_tasks_new SELECT id, request_id, kind, reason, new_due_by, created_at, due_by, done_at, done_by FROM applicant_tasks;
DROP TABLE applicant_tasks;
ALTER TABLE applicant_tasks_new RENAME TO applicant_tasks;
CREATE INDEX applicant_tasks_open ON applicant_tasks (done_at, due_by);
