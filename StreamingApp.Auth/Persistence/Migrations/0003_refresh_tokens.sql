-- Refresh tokens, keyed by the SHA-256 of the token; the value itself is never stored.
CREATE TABLE refresh_tokens (
    id         TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL,
    family_id  TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT,
    version    INTEGER NOT NULL,
    document   TEXT NOT NULL
);

CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_expires_at ON refresh_tokens (expires_at);
