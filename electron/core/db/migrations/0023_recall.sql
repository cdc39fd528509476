-- The centre supervisor's recall list (список обзвона, issue 22 item 3): one row per request the
-- gateway refused, the provider returned or the provider refused, kept in the transaction of what
-- caused it; each call-back attempt is a mark of its own (the last one is the recall's state).
CREATE TABLE recalls (
  id          TEXT PRIMARY KEY,
  request_id  TEXT NOT NULL REFERENCES requests (id),
  cause       TEXT NOT NULL CHECK (cause IN ('gatewayRefused', 'providerReturned', 'providerRefused')),
  code        TEXT,
  grounds     TEXT NOT NULL DEFAULT '[]',
  reason      TEXT,
  created_at  TEXT NOT NULL,
  -- The newest outbox row of the request when it came back: a later one is a resend (re-signed).
  outbox_seq  INTEGER NOT NULL DEFAULT 0,
  closed_at   TEXT
) STRICT;
CREATE INDEX recalls_open ON recalls (closed_at, created_at);
CREATE INDEX recalls_request ON recalls (request_id);

CREATE TABLE recall_marks (
  recall_id TEXT NOT NULL REFERENCES recalls (id),
  mark      TEXT NOT NULL CHECK (mark IN ('informed', 'unreachable', 'resent')),
  note      TEXT,
  by_id     TEXT NOT NULL REFERENCES users (id),
  at        TEXT NOT NULL
) STRICT;
CREATE INDEX recall_marks_recall ON recall_marks (recall_id, at);
