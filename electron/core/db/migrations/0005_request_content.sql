-- What a request is about, beside its life cycle: the signed content and the columns the journal,
-- the inbox and the deadline clock search and sort on.
ALTER TABLE requests ADD COLUMN side TEXT NOT NULL DEFAULT 'centre' CHECK (side IN ('centre', 'provider'));
ALTER TABLE requests ADD COLUMN variant_id TEXT;
ALTER TABLE requests ADD COLUMN provider TEXT;
-- "Surname Name Patronymic" as entered, for search by name (Kazakh and Russian letters).
ALTER TABLE requests ADD COLUMN applicant_name TEXT;
-- Local date-time the result is due by (срок оказания услуги).
ALTER TABLE requests ADD COLUMN due_by TEXT;
-- requestContentSchema as JSON, its SHA-256 over the canonical form, and the operator's CMS (base64).
ALTER TABLE requests ADD COLUMN content TEXT;
ALTER TABLE requests ADD COLUMN content_sha256 TEXT;
ALTER TABLE requests ADD COLUMN signature TEXT;

CREATE INDEX requests_due ON requests (side, state, due_by);
CREATE INDEX requests_applicant_name ON requests (applicant_name COLLATE NOCASE);
