-- 001 Рег.3: the district akimat's resolution is the result itself (п.3 «Результатом … является
-- постановление акимата района»), so its scan is kept with the act: the head's signature over the
-- electronic copy names the scan's hash, and the copy travels with it to the centre or the cabinet.
ALTER TABLE outside_acts ADD COLUMN scan_sha256 TEXT;
