-- The name index (requests_name, 0014) was rewritten on every UPDATE that named applicant_name,
-- changed or not: each save of an intake draft deleted and re-inserted the same name in FTS5.
-- Now only a name that changed is re-indexed.
DROP TRIGGER requests_name_update;

CREATE TRIGGER requests_name_update AFTER UPDATE OF applicant_name ON requests WHEN old.applicant_name IS NOT new.applicant_name BEGIN
  INSERT INTO requests_name (requests_name, rowid, applicant_name_folded) SELECT 'delete', old.rowid, old.applicant_name_folded WHERE old.applicant_name IS NOT NULL;
  INSERT INTO requests_name (rowid, applicant_name_folded) SELECT new.rowid, new.applicant_name_folded WHERE new.applicant_name IS NOT NULL;
END;
