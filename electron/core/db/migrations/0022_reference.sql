-- Reference data from the gateway (issue 14 item 4): the last applied version of each signed
-- dataset, kept whole with its signature so it can be shown and re-checked. A dataset is replaced
-- only inside the transaction that applies it; a failed update leaves the row as it was.
CREATE TABLE reference_data (
  dataset     TEXT PRIMARY KEY,     -- catalog | calendar | organisations | signers | limits
  schema      INTEGER NOT NULL,
  version     INTEGER NOT NULL,
  issued_at   TEXT NOT NULL,        -- the gateway's issuedAt
  etag        TEXT,
  data        TEXT NOT NULL,        -- JSON, as signed
  signature   TEXT NOT NULL,        -- base64 CMS
  applied_at  TEXT NOT NULL,
  checked_at  TEXT NOT NULL,        -- the last time the gateway said it is current (a 304 or the same version)
  changes     TEXT                  -- calendar: the open requests whose due date the update moved (JSON list)
) STRICT;

-- Why the last update of a dataset failed (null after a success): the sync console shows it in words.
-- Kept apart from reference_data, whose row a failed update never touches.
CREATE TABLE reference_errors (
  dataset     TEXT PRIMARY KEY,
  code        TEXT NOT NULL,
  params      TEXT NOT NULL,        -- JSON ErrorParams for the translated message
  at          TEXT NOT NULL
) STRICT;
