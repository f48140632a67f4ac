-- The catalog. Each row keeps the whole video as JSON in `document`; the other columns copy the
-- fields that queries filter and sort on, so they can be indexed.
CREATE TABLE videos (
    id                TEXT PRIMARY KEY,
    owner_id          TEXT NOT NULL,
    status            TEXT NOT NULL,
    visibility        TEXT NOT NULL,
    genre             TEXT NOT NULL,
    featured          INTEGER NOT NULL DEFAULT 0,
    allowed_countries TEXT NOT NULL DEFAULT '[]',
    blocked_countries TEXT NOT NULL DEFAULT '[]',
    view_count        INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT NOT NULL,
    published_at      TEXT,
    version           INTEGER NOT NULL,
    title             TEXT NOT NULL,
    description       TEXT NOT NULL,
    tags              TEXT NOT NULL,
    document          TEXT NOT NULL
);

CREATE INDEX ix_videos_catalog_newest ON videos (status, visibility, published_at DESC, id DESC);
CREATE INDEX ix_videos_catalog_popular ON videos (status, visibility, view_count DESC, id DESC);
CREATE INDEX ix_videos_owner ON videos (owner_id, created_at DESC);

-- Full-text search over title, description and tags, kept in step by triggers.
CREATE VIRTUAL TABLE videos_fts USING fts5(
    title, description, tags,
    content = 'videos', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER videos_fts_insert AFTER INSERT ON videos BEGIN
    INSERT INTO videos_fts (rowid, title, description, tags) VALUES (new.rowid, new.title, new.description, new.tags);
END;

CREATE TRIGGER videos_fts_delete AFTER DELETE ON videos BEGIN
    INSERT INTO videos_fts (videos_fts, rowid, title, description, tags) VALUES ('delete', old.rowid, old.title, old.description, old.tags);
END;

CREATE TRIGGER videos_fts_update AFTER UPDATE OF title, description, tags ON videos BEGIN
    INSERT INTO videos_fts (videos_fts, rowid, title, description, tags) VALUES ('delete', old.rowid, old.title, old.description, old.tags);
    INSERT INTO videos_fts (rowid, title, description, tags) VALUES (new.rowid, new.title, new.description, new.tags);
END;
