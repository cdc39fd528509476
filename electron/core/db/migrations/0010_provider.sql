-- The provider side and results (issue 8): requests received through the gateway, messages
-- refused on receipt, the clerk's checklist marks, and the result (справка / анықтама or a
-- motivated refusal) with the head's signature.

-- The gateway message a provider-side request arrived in (applied once by this id), and what
-- the gateway and the signature check said on receipt (JSON: receipt number, recheck, signer).
ALTER TABLE requests ADD COLUMN message_id TEXT;
ALTER TABLE requests ADD COLUMN received TEXT;
CREATE UNIQUE INDEX requests_message ON requests (message_id);

-- Messages that failed the checks on receipt (bad signature, not for this workstation, malformed):
-- kept for a person to see, acknowledged so the gateway stops redelivering them, never a request.
CREATE TABLE inbox_refused (
  message_id  TEXT PRIMARY KEY,
  received_at TEXT NOT NULL,
  sender      TEXT NOT NULL,
  kind        TEXT NOT NULL,
  code        TEXT NOT NULL,
  reason      TEXT NOT NULL,
  message     TEXT NOT NULL
) STRICT;

-- The clerk's check of each document of the regulation's list (проверка полноты документов).
CREATE TABLE request_marks (
  request_id TEXT NOT NULL REFERENCES requests (id),
  document   INTEGER NOT NULL,
  mark       TEXT NOT NULL CHECK (mark IN ('ok', 'missing', 'defective')),
  note       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (request_id, document)
) STRICT;

-- The result of a request on either side: prepared by the clerk, signed by the head (provider),
-- or received from the provider (centre). content is what the head signs (canonical JSON).
CREATE TABLE results (
  request_id     TEXT PRIMARY KEY REFERENCES requests (id),
  outcome        TEXT NOT NULL CHECK (outcome IN ('certificate', 'refusal')),
  number         TEXT NOT NULL UNIQUE,
  content        TEXT NOT NULL,
  content_sha256 TEXT NOT NULL,
  signature      TEXT,
  signer         TEXT,
  message_id     TEXT UNIQUE,
  updated_at     TEXT NOT NULL
) STRICT;
