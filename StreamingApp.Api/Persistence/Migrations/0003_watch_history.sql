-- Where each viewer stopped in each video.
CREATE TABLE watch_history (
    user_id          TEXT NOT NULL,
    video_id         TEXT NOT NULL,
    position_seconds REAL NOT NULL,
    updated_at       TEXT NOT NULL,
    PRIMARY KEY (user_id, video_id)
);

CREATE INDEX ix_watch_history_recent ON watch_history (user_id, updated_at DESC);
CREATE INDEX ix_watch_history_video ON watch_history (video_id);
