-- Enrolled workstations (issue 16): each АРМ's machine key and the organisations it acts for.
-- `previous` keeps the organisations a remapped machine had, so its calls for them are answered
-- MACHINE_REMAPPED (what to do) rather than a bare refusal.
CREATE TABLE machines (
  id            TEXT PRIMARY KEY,               -- hex SHA-256 of the public key (SPKI DER)
  public_key    TEXT NOT NULL,                  -- base64 SPKI DER
  organisations TEXT NOT NULL,                  -- JSON array of organisation codes
  previous      TEXT NOT NULL DEFAULT '[]',     -- JSON array: organisations before the last remap
  enrolled_at   TEXT NOT NULL,
  revoked_at    TEXT,
  last_seen_at  TEXT,                           -- the machine's last authenticated call (gateway clock)
  offline_since TEXT                            -- its last call before the current stretch online
) STRICT;

-- Replays (issue 16 item 2): one signed content (its CMS) is delivered under one message id only.
ALTER TABLE messages ADD COLUMN signature_sha256 TEXT;
CREATE UNIQUE INDEX messages_signature ON messages (signature_sha256) WHERE signature_sha256 IS NOT NULL;
