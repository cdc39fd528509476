-- What the centre has to tell the applicant and by when (issue 19 item 3): one task per notice the
-- provider sent (registered, in work, term extended, returned for defects) and per result that
-- arrived. due_by is the local day by whose end the operator tells the applicant (004 App.1: a
-- return within one working day).
CREATE TABLE applicant_tasks (
  id          TEXT PRIMARY KEY,
  request_id  TEXT NOT NULL REFERENCES requests (id),
  kind        TEXT NOT NULL CHECK (kind IN ('registered', 'inWork', 'extended', 'returned', 'resultReady')),
  reason      TEXT,
  new_due_by  TEXT,
  created_at  TEXT NOT NULL,
  due_by      TEXT NOT NULL,
  done_at     TEXT,
  done_by     TEXT REFERENCES users (id)
) STRICT;
CREATE INDEX applicant_tasks_open ON applicant_tasks (done_at, due_by);

-- The provider's extensions of a request's term (продление срока), each with its reason.
CREATE TABLE term_extensions (
  request_id  TEXT NOT NULL REFERENCES requests (id),
  at          TEXT NOT NULL,
  from_due_by TEXT,
  to_due_by   TEXT NOT NULL,
  reason      TEXT NOT NULL,
  by_id       TEXT REFERENCES users (id)
) STRICT;
CREATE INDEX term_extensions_request ON term_extensions (request_id, at);

-- The supervisor's complaint register (жалобы услугополучателей, issue 19 item 6).
CREATE TABLE complaints (
  id             TEXT PRIMARY KEY,
  number         TEXT NOT NULL UNIQUE,
  received_on    TEXT NOT NULL,
  applicant      TEXT NOT NULL,
  request_number TEXT,
  subject        TEXT NOT NULL,
  due_by         TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('registered', 'inReview', 'answered', 'rejected')),
  answer         TEXT,
  created_by     TEXT NOT NULL REFERENCES users (id),
  updated_at     TEXT NOT NULL
) STRICT;

-- The counter visit (issue 19 item 9): the electronic-queue ticket typed or scanned at intake, when
-- the ticket was taken (wait) and when the operator called it (service, to the request's end at the counter).
CREATE TABLE counter_visits (
  request_id  TEXT PRIMARY KEY REFERENCES requests (id),
  ticket      TEXT NOT NULL,
  issued_at   TEXT,
  called_at   TEXT NOT NULL
) STRICT;
