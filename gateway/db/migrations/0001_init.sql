-- The emulator's own database: the registries it answers from (ГБД ФЛ, ЕНИС, the directory of
-- centres and providers, the holiday calendar) and what passes through it (attachments, messages,
-- inbox deliveries).
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE persons (
  iin            TEXT PRIMARY KEY,
  surname_ru     TEXT NOT NULL,
  surname_kk     TEXT NOT NULL,
  name_ru        TEXT NOT NULL,
  name_kk        TEXT NOT NULL,
  patronymic_ru  TEXT,
  patronymic_kk  TEXT,
  birth_date     TEXT NOT NULL,
  sex            TEXT NOT NULL CHECK (sex IN ('male', 'female')),
  district       TEXT NOT NULL,
  address_ru     TEXT NOT NULL,
  address_kk     TEXT NOT NULL,
  document_kind  TEXT NOT NULL CHECK (document_kind IN ('id-card', 'birth-certificate')),
  document_number TEXT NOT NULL,
  document_issued_on TEXT NOT NULL,
  document_issuer_ru TEXT NOT NULL,
  document_issuer_kk TEXT NOT NULL,
  father_iin     TEXT REFERENCES persons (iin),
  mother_iin     TEXT REFERENCES persons (iin)
) STRICT;

CREATE TABLE powers_of_attorney (
  number        TEXT NOT NULL,
  issued_on     TEXT NOT NULL,
  notary_ru     TEXT NOT NULL,
  notary_kk     TEXT NOT NULL,
  principal_iin TEXT NOT NULL,
  attorney_iin  TEXT NOT NULL,
  scope         TEXT NOT NULL, -- JSON: "all" or an array of service ids
  valid_from    TEXT NOT NULL,
  valid_to      TEXT NOT NULL,
  revoked       INTEGER NOT NULL CHECK (revoked IN (0, 1)),
  PRIMARY KEY (number, issued_on)
) STRICT;

CREATE TABLE organisations (
  code     TEXT PRIMARY KEY,
  kind     TEXT NOT NULL CHECK (kind IN ('centre', 'provider')),
  name_ru  TEXT NOT NULL,
  name_kk  TEXT NOT NULL,
  district TEXT NOT NULL
) STRICT;

CREATE TABLE routes (
  service  TEXT NOT NULL,
  district TEXT NOT NULL,
  provider TEXT NOT NULL REFERENCES organisations (code),
  PRIMARY KEY (service, district)
) STRICT;

CREATE TABLE holidays (
  date    TEXT PRIMARY KEY,
  name_ru TEXT NOT NULL,
  name_kk TEXT NOT NULL
) STRICT;

-- Content-addressed: the key is the SHA-256 the gateway computed itself.
CREATE TABLE attachments (
  sha256      TEXT PRIMARY KEY,
  size        INTEGER NOT NULL,
  content     BLOB NOT NULL,
  received_at TEXT NOT NULL
) STRICT;

-- seq orders the inboxes and numbers the receipts.
CREATE TABLE messages (
  seq            INTEGER PRIMARY KEY AUTOINCREMENT,
  id             TEXT NOT NULL UNIQUE,
  sender         TEXT NOT NULL REFERENCES organisations (code),
  recipient      TEXT NOT NULL REFERENCES organisations (code),
  content_sha256 TEXT NOT NULL,
  body           TEXT NOT NULL, -- the message as canonical JSON (RFC 8785)
  receipt        TEXT NOT NULL, -- the receipt as JSON, answered again on every resend
  received_at    TEXT NOT NULL
) STRICT;

-- One row per message in its recipient's inbox. lease_until NULL = never leased.
CREATE TABLE deliveries (
  message_seq  INTEGER PRIMARY KEY REFERENCES messages (seq),
  recipient    TEXT NOT NULL,
  attempts     INTEGER NOT NULL DEFAULT 0,
  lease_until  TEXT,
  acked_at     TEXT
) STRICT;

CREATE INDEX deliveries_pending ON deliveries (recipient, acked_at, message_seq);
