-- The workstation's machine key (issue 16): made at the first start, kept in the encrypted
-- database, enrolled with the gateway by its public key. One row.
CREATE TABLE machine_key (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  machine_id  TEXT NOT NULL,        -- hex SHA-256 of the public key (SPKI DER), as the gateway names it
  public_key  TEXT NOT NULL,        -- base64 SPKI DER
  private_key BLOB NOT NULL,        -- PKCS#8 DER
  created_at  TEXT NOT NULL,
  enrolled_at TEXT                  -- the last time the gateway answered a call signed by it
) STRICT;

-- Clock trust (issue 14 item 6): the gateway's clock as last seen, and this clock at that moment.
CREATE TABLE gateway_clock (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  gateway_at  TEXT NOT NULL,        -- the gateway's x-gateway-time
  local_at    TEXT NOT NULL,        -- this workstation's clock when the answer came
  offset_ms   INTEGER NOT NULL      -- local minus gateway
) STRICT;

-- A parked (rejected) message the supervisor gave up: kept for the record and for a resend of its
-- request, no longer listed as parked (issue 14 item 3).
ALTER TABLE outbox ADD COLUMN withdrawn_at TEXT;
