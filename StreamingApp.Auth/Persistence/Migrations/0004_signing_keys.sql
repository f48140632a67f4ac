-- Token signing keys. A key has at most one successor, so concurrent rotations agree on one new key.
CREATE TABLE signing_keys (
    id             TEXT PRIMARY KEY,
    predecessor_id TEXT NOT NULL UNIQUE,
    activates_at   TEXT NOT NULL,
    version        INTEGER NOT NULL,
    document       TEXT NOT NULL
);
