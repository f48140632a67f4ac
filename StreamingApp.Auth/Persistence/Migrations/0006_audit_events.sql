-- Security audit trail.
CREATE TABLE audit_events (
    id         TEXT PRIMARY KEY,
    user_id    TEXT,
    type       TEXT NOT NULL,
    at         TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    version    INTEGER NOT NULL,
    document   TEXT NOT NULL
);

CREATE INDEX audit_events_user_at ON audit_events (user_id, at);
CREATE INDEX audit_events_expires_at ON audit_events (expires_at);
