-- The outbox: the one record of what still has to reach the gateway. A row leaves "pending" only
-- on the gateway's receipt; its id is the message id, so a resend after a crash is recognised.
CREATE TABLE outbox (
  id              TEXT PRIMARY KEY,
  request_id      TEXT REFERENCES requests (id),
  message         TEXT NOT NULL,
  state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'rejected')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT,
  receipt         TEXT,
  created_at      TEXT NOT NULL,
  delivered_at    TEXT
) STRICT;

CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
