-- Watch parties. Each row keeps the whole party (members, playback state) as JSON in `document`. `due_at` is the
-- earliest time the sweeper must act on the party without a member doing anything (a wait that times out, a silent
-- connection, an expiry); every instance's sweeper scans ix_parties_due.
CREATE TABLE parties (
    id          TEXT PRIMARY KEY,
    video_id    TEXT NOT NULL,
    invite_code TEXT NOT NULL UNIQUE,
    due_at      TEXT NOT NULL,
    version     INTEGER NOT NULL,
    document    TEXT NOT NULL
);

CREATE INDEX ix_parties_due ON parties (due_at);

-- Chat beside the player. Ids are time-ordered, so a page of history is one range scan of the index.
CREATE TABLE party_messages (
    id          TEXT PRIMARY KEY,
    party_id    TEXT NOT NULL,
    author_id   TEXT NOT NULL,
    author_name TEXT NOT NULL,
    text        TEXT NOT NULL,
    sent_at     TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX ix_party_messages_party ON party_messages (party_id, id DESC);
