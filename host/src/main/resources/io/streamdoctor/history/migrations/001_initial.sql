-- Schema 1: one row per break, the newest diagnosis stage and the evidence summary as JSON.
CREATE TABLE breaks (
  break_id   TEXT PRIMARY KEY,
  ts         INTEGER NOT NULL,
  stage      TEXT NOT NULL,
  site       TEXT,
  symptom    TEXT,
  top_cause  TEXT,
  diagnosis  TEXT NOT NULL,
  summary    TEXT NOT NULL,
  saved_at   INTEGER NOT NULL
);
CREATE INDEX breaks_ts ON breaks(ts);
