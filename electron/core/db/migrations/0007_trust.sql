-- The gateway's trust reference data (GET /reference/trust, /reference/crl), kept so that a
-- workstation without network still checks its signatures against the last roots and CRL it saw.
-- One row per reference; the ETag asks the gateway for changes only, fetched_at is the cache's age.
CREATE TABLE trust_cache (
  name       TEXT PRIMARY KEY CHECK (name IN ('trust', 'crl')),
  etag       TEXT,
  body       TEXT NOT NULL,
  fetched_at TEXT NOT NULL
) STRICT;
