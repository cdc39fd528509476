-- Requests (заявления / өтініштер) and every move of their life cycle (electron/core/requests).
CREATE TABLE requests (
  id            TEXT PRIMARY KEY,
  number        TEXT NOT NULL UNIQUE,
  service_id    TEXT NOT NULL,
  state         TEXT NOT NULL CHECK (state IN ('draft', 'signed', 'queued', 'sent', 'registered', 'inWork', 'decided',
                  'resultSigned', 'resultAtCentre', 'issued', 'refusedAtIntake', 'withdrawn')),
  outcome       TEXT CHECK (outcome IN ('certificate', 'refusal')),
  applicant_iin TEXT NOT NULL,
  centre        TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  -- Fields typed by hand offline that the gateway has not confirmed yet (JSON array of names).
  unverified    TEXT NOT NULL DEFAULT '[]'
) STRICT;

CREATE INDEX requests_state ON requests (state, updated_at);
CREATE INDEX requests_applicant ON requests (applicant_iin);

CREATE TABLE request_events (
  seq        INTEGER PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES requests (id),
  at         TEXT NOT NULL,
  from_state TEXT,
  to_state   TEXT NOT NULL,
  actor_id   TEXT,
  actor_role TEXT NOT NULL,
  comment    TEXT
) STRICT;

CREATE INDEX request_events_request ON request_events (request_id, seq);
