-- The supervisor's document lists for variants whose regulation points to an absent Standard.
-- Every save is a new version; the newest applies; older ones stay for the record.
CREATE TABLE catalog_overrides (
  variant_id TEXT NOT NULL,
  version    INTEGER NOT NULL,
  items      TEXT NOT NULL,
  basis      TEXT NOT NULL,
  changed_by TEXT,
  changed_at TEXT NOT NULL,
  PRIMARY KEY (variant_id, version)
) STRICT;
