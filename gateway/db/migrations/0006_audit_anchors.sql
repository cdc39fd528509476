-- Audit anchoring (issue 14 item 7): each workstation's last audit chain head, and what happened to
-- it — a restore that re-anchored the chain, or a head refused because it did not extend the anchor.
CREATE TABLE audit_anchors (
  machine_id  TEXT PRIMARY KEY,                 -- the workstation (machines.id)
  seq         INTEGER NOT NULL,
  hash        TEXT NOT NULL,
  anchored_at TEXT NOT NULL                     -- gateway clock
) STRICT;

CREATE TABLE audit_anchor_events (
  id            INTEGER PRIMARY KEY,
  machine_id    TEXT NOT NULL,
  at            TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('reanchored', 'refused')),
  seq           INTEGER NOT NULL,               -- the head presented
  hash          TEXT NOT NULL,
  anchored_seq  INTEGER,                        -- the anchor held before (null: none)
  anchored_hash TEXT,
  detail        TEXT NOT NULL                   -- JSON: the restore's confirmation, or why it was refused
) STRICT;
CREATE INDEX audit_anchor_events_machine ON audit_anchor_events (machine_id, id);
