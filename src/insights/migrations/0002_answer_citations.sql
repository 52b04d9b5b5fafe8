-- Migration number: 0002 	 one row per cited passage or table row
-- The dashboard counts the most cited sections and rows over a date range; reading every
-- answer's JSON for that does not scale, so each citation gets its own indexed row. Existing
-- answers are backfilled from their JSON column.
CREATE TABLE answer_citations (
  answer_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  citation_id TEXT NOT NULL,
  section TEXT NOT NULL,
  kind TEXT NOT NULL,
  label TEXT NOT NULL,
  PRIMARY KEY (answer_id, citation_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX answer_citations_at ON answer_citations (at);

INSERT OR IGNORE INTO answer_citations (answer_id, at, citation_id, section, kind, label)
SELECT a.id, a.at, json_extract(c.value, '$.id'), json_extract(c.value, '$.section'),
       json_extract(c.value, '$.kind'), json_extract(c.value, '$.label')
FROM answers AS a, json_each(a.citations) AS c;
