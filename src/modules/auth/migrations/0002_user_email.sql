-- An optional e-mail address per account, for the daily reminder digest.
ALTER TABLE users ADD COLUMN email TEXT;
