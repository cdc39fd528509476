-- Login with the AUTH key (вход по ЭЦП), chosen per account by the supervisor: 'key' accounts
-- cannot log in with the password. The expiry of each account's last seen AUTH and SIGN key, so
-- the supervisor sees whose key runs out (NCA keys live a year).
ALTER TABLE users ADD COLUMN login_method TEXT NOT NULL DEFAULT 'password' CHECK (login_method IN ('password', 'key'));
ALTER TABLE users ADD COLUMN auth_key_not_after TEXT;
ALTER TABLE users ADD COLUMN sign_key_not_after TEXT;
