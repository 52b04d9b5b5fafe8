-- Migration number: 0001 	 answers and their feedback
-- One row per answer sent by /api/ask or /api/chat. Nothing that identifies a visitor is kept:
-- no IP address, no user agent, no cookie. Times are milliseconds since the Unix epoch (UTC).
CREATE TABLE answers (
  id TEXT PRIMARY KEY NOT NULL,
  at INTEGER NOT NULL,
  question TEXT NOT NULL,
  standalone_question TEXT NOT NULL,
  -- how the answerer answered: table, passage, list, yes/no, abstain, ... (its trace's route)
  route TEXT NOT NULL,
  answerable INTEGER NOT NULL CHECK (answerable IN (0, 1)),
  verdict TEXT,
  answer TEXT NOT NULL,
  -- JSON array of {id, label, section, kind, start, end}: what the dashboard links to the reader
  citations TEXT NOT NULL,
  latency_ms REAL NOT NULL,
  rating TEXT CHECK (rating IN ('up', 'down')),
  comment TEXT,
  rated_at INTEGER
) STRICT;

CREATE INDEX answers_at ON answers (at);
