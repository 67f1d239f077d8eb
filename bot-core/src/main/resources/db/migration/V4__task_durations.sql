-- How long Kling took for each finished task (Kling's own created/updated times when it gave them),
-- by task mode and result length: the job runner learns from these when to look at a running task.
-- One row per edit, so a finish handled twice (after a crash) is counted once.
CREATE TABLE task_durations (
  edit_id VARCHAR(64) PRIMARY KEY,
  task_mode VARCHAR(8) NOT NULL,
  output_seconds INT NOT NULL,
  duration_ms BIGINT NOT NULL,
  finished_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX task_durations_kind ON task_durations (task_mode, output_seconds, finished_at);
