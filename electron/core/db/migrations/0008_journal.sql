-- The journal of requests (журнал заявлений / өтініштер журналы): search and keyset paging.
--
-- Name search is FTS5 over applicant_name, not an index on lower(applicant_name): SQLite's lower()
-- and NOCASE fold ASCII only, so «ӘБІЛОВ» would never match «әбіл», and a B-tree prefix index
-- finds the surname only, not the given name. unicode61 folds the case of every Cyrillic letter,
-- Kazakh ә ғ қ ң ө ұ ү һ і included, and matches a prefix of any word ("term"*).
-- remove_diacritics 0 keeps й ≠ и and ё ≠ е: they are different letters in both languages.
-- External content: the text stays in requests, the index only holds tokens; triggers keep it in step.
CREATE VIRTUAL TABLE requests_name USING fts5 (
  applicant_name,
  content = 'requests',
  content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 0',
  prefix = '2 3'
);

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

INSERT INTO requests_name (requests_name) VALUES ('rebuild');

-- The journal lists newest first and pages by (created_at, rowid): each filter has an index that
-- yields its rows already in that order, so a page reads about as many rows as it shows.
CREATE INDEX requests_created ON requests (created_at);
CREATE INDEX requests_state_created ON requests (state, created_at);
CREATE INDEX requests_service_created ON requests (service_id, created_at);
CREATE INDEX requests_operator_created ON requests (created_by, created_at);
CREATE INDEX requests_iin_created ON requests (applicant_iin, created_at);
-- Overdue: only requests still waiting for their result can be late.
CREATE INDEX requests_open_created ON requests (created_at, due_by)
  WHERE state NOT IN ('resultAtCentre', 'issued', 'refusedAtIntake', 'withdrawn');

-- Анкета / сауалнама (quality and accessibility), asked once after issuance. The answers carry the
-- service and the day only, never the request or the person; the request keeps only that it was asked.
CREATE TABLE questionnaire_answers (
  id          INTEGER PRIMARY KEY,
  service_id  TEXT NOT NULL,
  answered_on TEXT NOT NULL,
  quality     INTEGER NOT NULL CHECK (quality BETWEEN 1 AND 3),
  information INTEGER NOT NULL CHECK (information BETWEEN 1 AND 3)
) STRICT;
CREATE INDEX questionnaire_answers_day ON questionnaire_answers (answered_on, service_id);
ALTER TABLE requests ADD COLUMN questionnaire_at TEXT;
