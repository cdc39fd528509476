-- Audit anchoring (issue 14 item 7): the gateway's last anchor of this workstation's audit chain as
-- the last sync saw it, whether the chain here still extends it, and a restore from backup waiting
-- to be re-anchored at the gateway. One row.
CREATE TABLE audit_anchor (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  seq         INTEGER,              -- the anchored head (null: the gateway holds none yet)
  hash        TEXT,
  anchored_at TEXT,                 -- gateway clock
  checked_at  TEXT,                 -- this clock, the last time the chain was compared with it
  problem     TEXT CHECK (problem IN ('shorter', 'diverged')),
  reanchor    TEXT                  -- JSON: the supervisor-confirmed restore, until the gateway recorded it
) STRICT;

-- The mobile centre's offline transfer (issue 14 item 8): a message exported to a transfer file
-- was handed over with it, so it is neither sent from here nor exported again.
ALTER TABLE outbox ADD COLUMN exported_at TEXT;
ALTER TABLE outbox ADD COLUMN exported_in TEXT;   -- the transfer file's name
