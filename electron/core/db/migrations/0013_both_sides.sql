-- One workstation may be a centre and a provider at once (training mode, small district offices):
-- then the centre's request and the provider's copy of it share a number, and the centre's copy of
-- a result shares the provider's number and message id. Those were UNIQUE over the whole table,
-- so the provider's copy was refused on receipt (MESSAGE_ID_CONFLICT) and lost (issue 14).
-- Now a number is unique per side; a result's number and message id are indexed, not unique.
-- The rebuild also admits the state 'returned' (a request its provider could not apply, sent back
-- to the centre with the reason). SQLite cannot drop a column constraint in place: each table is
-- copied (rowids kept, so the journal's full-text index stays valid), dropped and renamed, and its
-- indexes and triggers made again (the runner turns foreign keys off and checks them before commit).

CREATE TABLE requests_rebuilt (
  id            TEXT PRIMARY KEY,
  number        TEXT NOT NULL,
  service_id    TEXT NOT NULL,
  state         TEXT NOT NULL CHECK (state IN ('draft', 'signed', 'queued', 'sent', 'registered', 'inWork', 'decided',
                  'resultSigned', 'resultAtCentre', 'issued', 'refusedAtIntake', 'withdrawn', 'returned')),
  outcome       TEXT CHECK (outcome IN ('certificate', 'refusal')),
  applicant_iin TEXT NOT NULL,
  centre        TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  -- Fields typed by hand offline that the gateway has not confirmed yet (JSON array of names).
  unverified    TEXT NOT NULL DEFAULT '[]',
  side TEXT NOT NULL DEFAULT 'centre' CHECK (side IN ('centre', 'provider')),
  variant_id TEXT, provider TEXT, applicant_name TEXT, due_by TEXT, content TEXT, content_sha256 TEXT, signature TEXT,
  questionnaire_at TEXT, message_id TEXT, received TEXT
) STRICT;

INSERT INTO requests_rebuilt (rowid, id, number, service_id, state, outcome, applicant_iin, centre, created_by, created_at, updated_at,
    unverified, side, variant_id, provider, applicant_name, due_by, content, content_sha256, signature, questionnaire_at, message_id, received)
  SELECT rowid, id, number, service_id, state, outcome, applicant_iin, centre, created_by, created_at, updated_at,
    unverified, side, variant_id, provider, applicant_name, due_by, content, content_sha256, signature, questionnaire_at, message_id, received
  FROM requests;
DROP TABLE requests;
ALTER TABLE requests_rebuilt RENAME TO requests;

-- number first: the sequences' range over a prefix (db/sequences.ts) reads this index.
CREATE UNIQUE INDEX requests_number ON requests (number, side);
CREATE INDEX requests_state ON requests (state, updated_at);
CREATE INDEX requests_applicant ON requests (applicant_iin);
CREATE INDEX requests_due ON requests (side, state, due_by);
CREATE INDEX requests_applicant_name ON requests (applicant_name COLLATE NOCASE);
CREATE INDEX requests_created ON requests (created_at);
CREATE INDEX requests_state_created ON requests (state, created_at);
CREATE INDEX requests_service_created ON requests (service_id, created_at);
CREATE INDEX requests_operator_created ON requests (created_by, created_at);
CREATE INDEX requests_iin_created ON requests (applicant_iin, created_at);
CREATE INDEX requests_open_created ON requests (created_at, due_by)
  WHERE state NOT IN ('resultAtCentre', 'issued', 'refusedAtIntake', 'withdrawn');
CREATE UNIQUE INDEX requests_message ON requests (message_id);

CREATE TRIGGER requests_name_insert AFTER INSERT ON requests WHEN new.applicant_name IS NOT NULL BEGIN
  INSERT INTO requests_name (rowid, applicant_name) VALUES (new.rowid, new.applicant_name);
END;
CREATE TRIGGER requests_name_update AFTER UPDATE OF applicant_name ON requests BEGIN
  INSERT INTO requests_name (requests_name, rowid, applicant_name) SELECT 'delete', old.rowid, old.applicant_name WHERE old.applicant_name IS NOT NULL;
  INSERT INTO requests_name (rowid, applicant_name) SELECT new.rowid, new.applicant_name WHERE new.applicant_name IS NOT NULL;
END;
CREATE TRIGGER requests_name_delete AFTER DELETE ON requests WHEN old.applicant_name IS NOT NULL BEGIN
  INSERT INTO requests_name (requests_name, rowid, applicant_name) VALUES ('delete', old.rowid, old.applicant_name);
END;

CREATE TRIGGER request_counts_insert AFTER INSERT ON requests BEGIN
  INSERT INTO request_state_counts (state, n) VALUES (new.state, 1) ON CONFLICT (state) DO UPDATE SET n = n + 1;
  INSERT INTO open_due_counts (provider, due_by, n)
    SELECT coalesce(new.provider, ''), new.due_by, 1
    WHERE new.side IN ('centre', 'provider') AND new.due_by IS NOT NULL
      AND new.state IN ('draft', 'signed', 'queued', 'sent', 'registered', 'inWork', 'decided', 'resultSigned')
    ON CONFLICT (provider, due_by) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER request_counts_delete AFTER DELETE ON requests BEGIN
  UPDATE request_state_counts SET n = n - 1 WHERE state = old.state;
  UPDATE open_due_counts SET n = n - 1
    WHERE provider = coalesce(old.provider, '') AND due_by = old.due_by
      AND old.side IN ('centre', 'provider')
      AND old.state IN ('draft', 'signed', 'queued', 'sent', 'registered', 'inWork', 'decided', 'resultSigned');
  DELETE FROM open_due_counts WHERE n = 0 AND provider = coalesce(old.provider, '') AND due_by = old.due_by;
END;
CREATE TRIGGER request_counts_update AFTER UPDATE OF state, side, provider, due_by ON requests BEGIN
  UPDATE request_state_counts SET n = n - 1 WHERE state = old.state;
  INSERT INTO request_state_counts (state, n) VALUES (new.state, 1) ON CONFLICT (state) DO UPDATE SET n = n + 1;
  UPDATE open_due_counts SET n = n - 1
    WHERE provider = coalesce(old.provider, '') AND due_by = old.due_by
      AND old.side IN ('centre', 'provider')
      AND old.state IN ('draft', 'signed', 'queued', 'sent', 'registered', 'inWork', 'decided', 'resultSigned');
  DELETE FROM open_due_counts WHERE n = 0 AND provider = coalesce(old.provider, '') AND due_by = old.due_by;
  INSERT INTO open_due_counts (provider, due_by, n)
    SELECT coalesce(new.provider, ''), new.due_by, 1
    WHERE new.side IN ('centre', 'provider') AND new.due_by IS NOT NULL
      AND new.state IN ('draft', 'signed', 'queued', 'sent', 'registered', 'inWork', 'decided', 'resultSigned')
    ON CONFLICT (provider, due_by) DO UPDATE SET n = n + 1;
END;

CREATE TABLE results_rebuilt (
  request_id     TEXT PRIMARY KEY REFERENCES requests (id),
  outcome        TEXT NOT NULL CHECK (outcome IN ('certificate', 'refusal')),
  number         TEXT NOT NULL,
  content        TEXT NOT NULL,
  content_sha256 TEXT NOT NULL,
  signature      TEXT,
  signer         TEXT,
  message_id     TEXT,
  updated_at     TEXT NOT NULL
) STRICT;
INSERT INTO results_rebuilt SELECT request_id, outcome, number, content, content_sha256, signature, signer, message_id, updated_at FROM results;
DROP TABLE results;
ALTER TABLE results_rebuilt RENAME TO results;
CREATE INDEX results_number ON results (number);
CREATE INDEX results_message ON results (message_id);

-- A message refused on receipt keeps its receipt, so it can be applied later (once the settings
-- are fixed) as if it had just arrived, and the time it was returned to its sender.
ALTER TABLE inbox_refused ADD COLUMN receipt TEXT;
ALTER TABLE inbox_refused ADD COLUMN delivery_attempt INTEGER;
ALTER TABLE inbox_refused ADD COLUMN returned_at TEXT;

-- The gateway's re-check of the persons a centre typed by hand offline (ГБД ФЛ), from the
-- receipt of the request's message: JSON [{iin, result, mismatches}], null until the receipt.
ALTER TABLE requests ADD COLUMN recheck TEXT;
