-- Counters the supervisor's dashboard reads instead of recounting a million requests every 10 s,
-- and per-day number sequences instead of counting a day's numbers with LIKE (a full scan).
-- Triggers keep them in step with requests in the same transaction as each write;
-- reports.checkCounters recounts and compares (the supervisor's "check").

CREATE TABLE request_state_counts (
  state TEXT PRIMARY KEY,
  n     INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- Open requests with a term, by provider and due moment: what "due today" and "overdue" sum.
-- Open = the same list as the journal's overdue filter (reports/dashboard.ts).
CREATE TABLE open_due_counts (
  provider TEXT NOT NULL,
  due_by   TEXT NOT NULL,
  n        INTEGER NOT NULL,
  PRIMARY KEY (provider, due_by)
) STRICT, WITHOUT ROWID;

INSERT INTO request_state_counts (state, n) SELECT state, count(*) FROM requests GROUP BY state;
INSERT INTO open_due_counts (provider, due_by, n)
  SELECT coalesce(provider, ''), due_by, count(*) FROM requests
  WHERE side IN ('centre', 'provider') AND due_by IS NOT NULL
    AND state IN ('draft', 'signed', 'queued', 'sent', 'registered', 'inWork', 'decided', 'resultSigned')
  GROUP BY 1, 2;

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

-- The last number given out per prefix (centre or department, local day): request and result
-- numbers. A missing prefix starts from the numbers already in the table (numbering.ts).
CREATE TABLE number_sequences (
  prefix TEXT PRIMARY KEY,
  last   INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
