-- Columns the admin search and the revocation feed filter on.
ALTER TABLE users ADD COLUMN display_name TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN tokens_valid_after TEXT;

CREATE INDEX users_created_at ON users (created_at, id);
CREATE INDEX users_tokens_valid_after ON users (tokens_valid_after) WHERE tokens_valid_after IS NOT NULL;
