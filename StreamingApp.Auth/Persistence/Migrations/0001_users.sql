-- Accounts. The whole user is kept as JSON in `document`; other columns copy what is looked up or constrained.
CREATE TABLE users (
    id               TEXT PRIMARY KEY,
    normalized_email TEXT NOT NULL UNIQUE,
    created_at       TEXT NOT NULL,
    version          INTEGER NOT NULL,
    document         TEXT NOT NULL
);
