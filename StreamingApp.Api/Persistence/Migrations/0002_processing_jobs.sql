-- The processing queue: at most one job per video. `available_at` is when the job may next be claimed: when it
-- was enqueued, the retry time after a failed attempt, or the lease expiry while a worker holds it. Claims take
-- the oldest available job (ix_processing_jobs_available), so one range scan serves every claim.
CREATE TABLE processing_jobs (
    video_id     TEXT PRIMARY KEY,
    attempts     INTEGER NOT NULL DEFAULT 0,
    available_at TEXT NOT NULL,
    lease_id     TEXT,
    leased_by    TEXT,
    last_error   TEXT,
    enqueued_at  TEXT NOT NULL
);

CREATE INDEX ix_processing_jobs_available ON processing_jobs (available_at, video_id);
