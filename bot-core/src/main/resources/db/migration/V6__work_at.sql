-- When the job runner has work on an edit, kept by the database itself: a running task's next check
-- (at once if none is set), a finished edit's undelivered result, a started edit waiting for its
-- session; NULL when there is nothing to do. The runner's once-a-second queries (what is due, when
-- the next thing is due) read this index instead of every edit ever made, so a bot with a long
-- history idles as cheaply as a new one. The platform leads the index because every such query names
-- the platforms followed (H2 otherwise reads the platform index, that is every edit). PostgreSQL
-- needs STORED after the generated column, H2 does not accept it.
ALTER TABLE edits ADD COLUMN work_at TIMESTAMP WITH TIME ZONE GENERATED ALWAYS AS (
  CASE
    WHEN state IN ('SUBMITTED', 'PROCESSING')
        OR (state IN ('SUCCEEDED', 'FAILED', 'EXPIRED') AND delivered_at IS NULL)
      THEN COALESCE(next_check_at, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')
    WHEN state = 'CREATED' THEN next_check_at
  END)${stored};
CREATE INDEX edits_work_at ON edits (platform, work_at);
