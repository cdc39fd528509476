-- One settings store (electron/core/settings): each value JSON under a typed key
-- (shared/api/settings.ts), with who changed it last and when; the audit log has every change.
ALTER TABLE settings ADD COLUMN updated_at TEXT;
ALTER TABLE settings ADD COLUMN updated_by TEXT;

-- The inbox kept bare strings and the intake its own key names; the store keeps JSON and one
-- name per setting.
UPDATE settings SET value = json_quote(value) WHERE key IN ('workstation.organisation', 'trust.roots', 'trust.crls');
UPDATE settings SET key = 'workstation.centre' WHERE key = 'intake.centre';
UPDATE settings SET key = 'reference.organisations' WHERE key = 'intake.organisations';
