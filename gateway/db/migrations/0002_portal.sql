-- The emulator's citizen portal (ПЭП, gateway/portal.ts): demo citizens who log in with IIN and
-- password, and the requests they filed, by the id of the message that carried each to its provider.
CREATE TABLE portal_citizens (
  iin           TEXT PRIMARY KEY,
  password_salt TEXT NOT NULL,
  password_hash TEXT NOT NULL
) STRICT;

CREATE TABLE portal_requests (
  message_id   TEXT PRIMARY KEY REFERENCES messages (id),
  iin          TEXT NOT NULL,
  number       TEXT NOT NULL UNIQUE,
  service      TEXT NOT NULL,
  variant      TEXT NOT NULL,
  provider     TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  due_by       TEXT
) STRICT;
CREATE INDEX portal_requests_by_iin ON portal_requests (iin, submitted_at);

-- The portal is the front office of its requests (their «centre»): the provider's notices and
-- results are addressed to it, and it puts them in the applicant's «личный кабинет».
INSERT OR IGNORE INTO organisations (code, kind, name_ru, name_kk, district)
VALUES ('egov-portal', 'centre', 'Портал «электронного правительства» (ПЭП)', '«Электрондық үкімет» порталы (ЭҮП)', 'national');
