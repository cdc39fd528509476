-- The gateway's time-stamp key (issue 16 item 3): made at first start, kept with the gateway's
-- data, so every receipt it ever stamped stays checkable against the key it publishes.
CREATE TABLE time_stamp_key (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  private_key TEXT NOT NULL,                    -- base64 PKCS#8 DER, ECDSA P-256
  public_key  TEXT NOT NULL,                    -- base64 SPKI DER
  created_at  TEXT NOT NULL
) STRICT;
