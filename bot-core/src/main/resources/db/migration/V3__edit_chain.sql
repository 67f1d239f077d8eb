-- Edits made from earlier ones: "edit the result" opens Kling's session from the earlier result's
-- video_id (kept by Kling for 30 days); "again" runs an earlier edit once more. The chain is kept
-- so that status and history say what an edit was made from, and an edit lists what was made
-- from it.
ALTER TABLE edits ADD COLUMN result_video_id VARCHAR;
ALTER TABLE edits ADD COLUMN video_kling_id VARCHAR;
ALTER TABLE edits ADD COLUMN from_edit_id VARCHAR(32);
ALTER TABLE edits ADD COLUMN from_link VARCHAR(16);

CREATE INDEX edits_by_origin ON edits (from_edit_id);
