-- The operator's draft at the counter (electron/core/intake): everything typed, looked up and
-- scanned before signing, saved on every change so a crash loses nothing. `prepared` holds the
-- request content handed out for signing; any change clears it, so a stale signature is refused.
CREATE TABLE intake_drafts (
  request_id TEXT PRIMARY KEY REFERENCES requests (id),
  data       TEXT NOT NULL,
  prepared   TEXT,
  updated_at TEXT NOT NULL
) STRICT;
