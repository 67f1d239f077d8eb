package dev.klingbot.core.store;

import dev.klingbot.core.Platform;
import dev.klingbot.core.edit.Chain;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditRequest;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.edit.KlingSession;
import dev.klingbot.core.edit.Origin;
import dev.klingbot.core.edit.Outcome;
import dev.klingbot.core.edit.SourceVideo;
import dev.klingbot.core.edit.TaskProgress;
import dev.klingbot.core.edit.TaskState;
import dev.klingbot.kling.EditMode;
import dev.klingbot.kling.TaskDuration;
import dev.klingbot.kling.TaskMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads an {@code edits} row (without its images, which the store adds). */
final class EditRowMapper implements RowMapper<Edit> {

  @Override
  public Edit map(ResultSet rs, StatementContext ctx) throws SQLException {
    Origin origin =
        new Origin(
            Platform.fromId(rs.getString("platform")),
            rs.getString("server_id"),
            rs.getString("channel_id"),
            rs.getString("thread_id"),
            rs.getString("user_id"),
            rs.getString("user_name"),
            rs.getString("language"));
    EditRequest request =
        new EditRequest(
            rs.getString("instruction"),
            rs.getString("summary"),
            EditMode.valueOf(rs.getString("edit_mode").toUpperCase(Locale.ROOT)),
            rs.getString("prompt"),
            rs.getString("negative_prompt"),
            rs.getBoolean("raw_prompt"),
            TaskMode.valueOf(rs.getString("task_mode").toUpperCase(Locale.ROOT)),
            rs.getInt("duration_seconds") == 10 ? TaskDuration.TEN : TaskDuration.FIVE,
            rs.getInt("cost_units"));
    SourceVideo video =
        new SourceVideo(
            rs.getString("video_source"),
            rs.getString("video_file"),
            rs.getString("video_url"),
            rs.getString("video_info"),
            rs.getString("video_check"),
            rs.getBoolean("needs_conform"),
            rs.getString("video_kling_id"),
            rs.getString("from_edit_id") == null
                ? null
                : new Chain(
                    rs.getString("from_edit_id"), Chain.Link.fromId(rs.getString("from_link"))));
    KlingSession session = null;
    if (rs.getString("session_id") != null) {
      session =
          new KlingSession(
              rs.getString("session_id"),
              Sql.instant(rs.getTimestamp("session_expires_at")),
              rs.getInt("session_width"),
              rs.getInt("session_height"),
              rs.getInt("session_frames"),
              rs.getDouble("session_fps"),
              rs.getString("preview_video_url"),
              rs.getString("preview_cover_url"));
    }
    TaskProgress task =
        new TaskProgress(
            rs.getString("task_id"),
            TaskState.fromStored(rs.getString("task_status")),
            rs.getString("task_status_message"),
            rs.getBoolean("queued"),
            Sql.instant(rs.getTimestamp("submitted_at")),
            Sql.instant(rs.getTimestamp("next_check_at")),
            rs.getInt("check_count"),
            Sql.instant(rs.getTimestamp("last_checked_at")));
    Outcome outcome =
        new Outcome(
            rs.getString("result_url"),
            rs.getString("result_file"),
            rs.getString("failure_reason"),
            Sql.instant(rs.getTimestamp("finished_at")),
            Sql.instant(rs.getTimestamp("delivery_started_at")),
            Sql.instant(rs.getTimestamp("delivered_at")),
            rs.getString("result_video_id"));
    return new Edit(
        rs.getString("id"),
        EditState.valueOf(rs.getString("state")),
        origin,
        request,
        List.of(),
        video,
        session,
        task,
        outcome,
        rs.getString("plan_message_id"),
        rs.getString("progress_message_id"),
        rs.getString("callback_token"),
        Sql.instant(rs.getTimestamp("created_at")),
        Sql.instant(rs.getTimestamp("updated_at")),
        rs.getLong("version"));
  }
}
