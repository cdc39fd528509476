-- The journal's name search also finds the Russian spelling of a Kazakh name and back
-- («Сәрсенбаев» ↔ «Сарсенбаев»). FTS5's unicode61 folds case but not ә→а, қ→к, ұ→у…, so the index
-- is over a shadow column: the name with the nine Kazakh letters (both cases) replaced by their
-- Russian spelling, as shared/text/fold.ts folds the query; unicode61 still folds the case. Plain
-- replace() so that any SQLite client can read and write the table; a virtual generated column
-- takes no space.
DROP TRIGGER requests_name_insert;
DROP TRIGGER requests_name_update;
DROP TRIGGER requests_name_delete;
DROP TABLE requests_name;

ALTER TABLE requests ADD COLUMN applicant_name_folded TEXT GENERATED ALWAYS AS (
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(applicant_name, 'ә', 'а'), 'Ә', 'А'), 'ғ', 'г'), 'Ғ', 'Г'), 'қ', 'к'), 'Қ', 'К'), 'ң', 'н'), 'Ң', 'Н'), 'ө', 'о'), 'Ө', 'О'), 'ұ', 'у'), 'Ұ', 'У'), 'ү', 'у'), 'Ү', 'У'), 'һ', 'х'), 'Һ', 'Х'), 'і', 'и'), 'І', 'И')
) VIRTUAL;

CREATE VIRTUAL TABLE requests_name USING fts5 (
  applicant_name_folded,
  content = 'requests',
  content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 0',
  prefix = '2 3'
);

CREATE TRIGGER requests_name_insert AFTER INSERT ON requests WHEN new.applicant_name IS NOT NULL BEGIN
  INSERT INTO requests_name (rowid, applicant_name_folded) VALUES (new.rowid, new.applicant_name_folded);
END;

CREATE TRIGGER requests_name_update AFTER UPDATE OF applicant_name ON requests BEGIN
  INSERT INTO requests_name (requests_name, rowid, applicant_name_folded) SELECT 'delete', old.rowid, old.applicant_name_folded WHERE old.applicant_name IS NOT NULL;
  INSERT INTO requests_name (rowid, applicant_name_folded) SELECT new.rowid, new.applicant_name_folded WHERE new.applicant_name IS NOT NULL;
END;

CREATE TRIGGER requests_name_delete AFTER DELETE ON requests WHEN old.applicant_name IS NOT NULL BEGIN
  INSERT INTO requests_name (requests_name, rowid, applicant_name_folded) VALUES ('delete', old.rowid, old.applicant_name_folded);
END;

INSERT INTO requests_name (requests_name) VALUES ('rebuild');
