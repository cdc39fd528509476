-- Who works a request at the provider (ответственный исполнитель): appointed by the head's
-- resolution, or taken by a clerk where the regulation has no resolution step. One at a time.
ALTER TABLE requests ADD COLUMN assignee_id TEXT REFERENCES users (id);

-- The head's appointments and reassignments, with the comment a reassignment needs.
CREATE TABLE request_assignments (
  request_id  TEXT NOT NULL REFERENCES requests (id),
  at          TEXT NOT NULL,
  assignee_id TEXT NOT NULL REFERENCES users (id),
  by_id       TEXT NOT NULL REFERENCES users (id),
  comment     TEXT
) STRICT;
CREATE INDEX request_assignments_request ON request_assignments (request_id, at);
