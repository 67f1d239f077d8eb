package dev.klingbot.core.store;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Platform;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditEvent;
import dev.klingbot.core.edit.EditImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The edit rows. Every save is checked against the version that was read (optimistic locking) and
 * writes the event of the change to the {@link EditEventLog} in the same transaction, before any
 * side effect. The job runner's view of the same table (what is due, leases, the queue) is {@link
 * EditWorkQueue}.
 */
public final class EditStore {
  private static final EditRowMapper MAPPER = new EditRowMapper();

  private static final String COLUMNS =
      "state, platform, server_id, channel_id, thread_id, user_id, user_name, instruction,"
          + " summary, edit_mode, prompt, negative_prompt, raw_prompt, task_mode, duration_seconds,"
          + " cost_units, video_source, video_file, video_url, video_info, video_check,"
          + " needs_conform, session_id, session_expires_at, session_width, session_height,"
          + " session_frames, session_fps, preview_video_url, preview_cover_url, task_id,"
          + " task_status, task_status_message, queued, submitted_at, next_check_at, check_count,"
          + " last_checked_at, result_url, result_file, failure_reason, finished_at,"
          + " delivery_started_at, delivered_at, plan_message_id, progress_message_id,"
          + " callback_token, updated_at, result_video_id, video_kling_id, from_edit_id,"
          + " from_link, language";

  private final Jdbi jdbi;
  private final TaskDurationStore durations;
  private final EditEventLog log;
  private final EditWorkQueue work;

  public EditStore(Database database) {
    this.jdbi = requireNonNull(database, "database is null").jdbi();
    this.log = new EditEventLog(database);
    this.work = new EditWorkQueue(database);
    this.durations = new TaskDurationStore(database);
  }

  /** How long finished tasks took, by kind: what the job runner's polling learns from. */
  public TaskDurationStore durations() {
    return durations;
  }

  /** The event log these edits write to. */
  public EditEventLog log() {
    return log;
  }

  /** The job runner's view: due work, leases, the queue for Kling slots. */
  public EditWorkQueue work() {
    return work;
  }

  /** Stores a new edit and its images; returns it with version 0. */
  public Edit insert(Edit edit, String eventDetail) {
    Edit stored = edit.stored(edit.updatedAt(), 0);
    jdbi.useTransaction(
        handle -> {
          StringBuilder values = new StringBuilder();
          for (String column : COLUMNS.split(",")) {
            values.append(values.length() == 0 ? "" : ", ").append(':').append(column.strip());
          }
          var insert =
              handle.createUpdate(
                  "INSERT INTO edits (id, created_at, version, "
                      + COLUMNS
                      + ") VALUES (:id, :created_at, 0, "
                      + values
                      + ")");
          bindColumns(insert, stored);
          insert
              .bind("id", stored.id())
              .bind("created_at", Sql.timestamp(stored.createdAt()))
              .execute();
          insertImages(handle, stored);
          EditEventLog.write(
              handle, stored.id(), stored.updatedAt(), EditEvent.CREATED, eventDetail);
        });
    return stored;
  }

  /**
   * Saves {@code edit} if nobody changed it since it was read, and records {@code event} (none when
   * {@code null}) in the same transaction.
   *
   * @return the saved edit with its new version
   * @throws ConcurrentUpdateException when the stored version differs
   */
  public Edit update(Edit edit, Instant now, EditEvent event, String eventDetail) {
    Edit stored = edit.stored(now, edit.version() + 1);
    jdbi.useTransaction(
        handle -> {
          StringBuilder sets = new StringBuilder();
          for (String column : COLUMNS.split(",")) {
            String name = column.strip();
            sets.append(sets.length() == 0 ? "" : ", ").append(name).append(" = :").append(name);
          }
          var update =
              handle.createUpdate(
                  "UPDATE edits SET "
                      + sets
                      + ", version = version + 1 WHERE id = :id AND version = :version");
          bindColumns(update, stored);
          int rows = update.bind("id", edit.id()).bind("version", edit.version()).execute();
          if (rows != 1) {
            throw new ConcurrentUpdateException(edit.id());
          }
          handle
              .createUpdate("DELETE FROM edit_images WHERE edit_id = :id")
              .bind("id", edit.id())
              .execute();
          insertImages(handle, stored);
          if (event != null) {
            EditEventLog.write(handle, edit.id(), now, event, eventDetail);
          }
        });
    return stored;
  }

  public Optional<Edit> find(String id) {
    return jdbi.withHandle(
        handle -> {
          Optional<Edit> edit =
              handle
                  .createQuery("SELECT * FROM edits WHERE id = :id")
                  .bind("id", id)
                  .map(MAPPER)
                  .findOne();
          return edit.map(found -> withImages(handle, found));
        });
  }

  /** The newest edit started in a thread (the edit a command typed in that thread is about). */
  public Optional<Edit> findByThread(Platform platform, String serverId, String threadId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT * FROM edits WHERE platform = :platform AND server_id = :server AND"
                        + " thread_id = :thread ORDER BY created_at DESC")
                .bindMap(Sql.server(platform, serverId))
                .bind("thread", threadId)
                .setMaxRows(1)
                .map(MAPPER)
                .findFirst()
                .map(found -> withImages(handle, found)));
  }

  /**
   * A user's edits in a server, newest first. The ORDER BY names every column of {@code
   * edits_by_user}: only then does H2 read that index backwards and stop after {@code limit} rows
   * (with {@code created_at DESC} alone it read all of the user's edits and sorted them — 500 rows
   * for each {@code status} of someone with 500 edits); PostgreSQL reads the index backwards either
   * way.
   */
  public List<Edit> recentByUser(Platform platform, String serverId, String userId, int limit) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT * FROM edits WHERE platform = :platform AND server_id = :server AND"
                        + " user_id = :user ORDER BY platform DESC, server_id DESC, user_id DESC,"
                        + " created_at DESC LIMIT :limit")
                .bindMap(Sql.server(platform, serverId))
                .bind("user", userId)
                .bind("limit", limit)
                .map(MAPPER)
                .list());
  }

  /**
   * Ids of a user's open edits in a server (created, selecting or previewed, with a Kling session
   * that has not expired by {@code now}), oldest first: the edits the start limit counts.
   */
  public List<String> openIdsByUser(
      Platform platform, String serverId, String userId, Instant now) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT id FROM edits WHERE platform = :platform AND server_id = :server AND"
                        + " user_id = :user AND state IN ('CREATED', 'SELECTING', 'PREVIEWED') AND"
                        + " (session_expires_at IS NULL OR session_expires_at > :now)"
                        + " ORDER BY created_at")
                .bindMap(Sql.server(platform, serverId))
                .bind("user", userId)
                .bind("now", Sql.timestamp(now))
                .mapTo(String.class)
                .list());
  }

  /** When a user's edits in a server were started, after {@code since}, oldest first. */
  public List<Instant> startsByUserSince(
      Platform platform, String serverId, String userId, Instant since) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT created_at FROM edits WHERE platform = :platform AND server_id ="
                        + " :server AND user_id = :user AND created_at > :since ORDER BY"
                        + " created_at")
                .bindMap(Sql.server(platform, serverId))
                .bind("user", userId)
                .bind("since", Sql.timestamp(since))
                .map((rs, ctx) -> Sql.instant(rs.getTimestamp(1)))
                .list());
  }

  /** Ids of a server's edits starting with {@code prefix}, newest first (autocomplete). */
  public List<Edit> searchIds(
      Platform platform, String serverId, String userIdOrNull, String prefix, int limit) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT * FROM edits WHERE platform = :platform AND server_id = :server AND id"
                        + " LIKE :prefix"
                        + (userIdOrNull == null ? "" : " AND user_id = :user")
                        + " ORDER BY created_at DESC")
                .bindMap(Sql.server(platform, serverId))
                .bind("prefix", prefix.toUpperCase(Locale.ROOT) + "%")
                .bind("user", userIdOrNull)
                .setMaxRows(limit)
                .map(MAPPER)
                .list());
  }

  /** The edits made from an edit (its result edited further, or run again), oldest first. */
  public List<Edit> madeFrom(String editId, int limit) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT * FROM edits WHERE from_edit_id = :id ORDER BY created_at")
                .bind("id", editId)
                .setMaxRows(limit)
                .map(MAPPER)
                .list());
  }

  /** The stored events of an edit, oldest first, as {@code kind: detail} lines. */
  public List<String> events(String id) {
    return log.lines(id);
  }

  private static Edit withImages(Handle handle, Edit edit) {
    List<EditImage> images =
        handle
            .createQuery(
                "SELECT position, source, file, url FROM edit_images WHERE edit_id = :id ORDER BY"
                    + " position")
            .bind("id", edit.id())
            .map(
                (rs, ctx) ->
                    new EditImage(
                        rs.getInt("position"),
                        rs.getString("source"),
                        rs.getString("file"),
                        rs.getString("url")))
            .list();
    return edit.withImages(new ArrayList<>(images));
  }

  private static void insertImages(Handle handle, Edit edit) {
    for (EditImage image : edit.images()) {
      handle
          .createUpdate(
              "INSERT INTO edit_images (edit_id, position, source, file, url) VALUES (:id,"
                  + " :position, :source, :file, :url)")
          .bind("id", edit.id())
          .bind("position", image.position())
          .bind("source", image.source())
          .bind("file", image.file())
          .bind("url", image.url())
          .execute();
    }
  }

  private static void bindColumns(SqlStatement<?> statement, Edit edit) {
    var session = edit.session();
    var request = edit.request();
    var video = edit.video();
    var task = edit.task();
    var outcome = edit.outcome();
    var origin = edit.origin();
    statement
        .bind("state", edit.state().name())
        .bind("platform", origin.platform().id())
        .bind("server_id", origin.serverId())
        .bind("channel_id", origin.channelId())
        .bind("thread_id", origin.threadId())
        .bind("user_id", origin.userId())
        .bind("user_name", origin.userName())
        .bind("language", origin.language())
        .bind("instruction", request.instruction())
        .bind("summary", request.summary())
        .bind("edit_mode", request.mode().name())
        .bind("prompt", request.prompt())
        .bind("negative_prompt", request.negativePrompt())
        .bind("raw_prompt", request.rawPrompt())
        .bind("task_mode", request.taskMode().name())
        .bind("duration_seconds", request.duration().seconds())
        .bind("cost_units", request.costUnits())
        .bind("video_source", video.source())
        .bind("video_file", video.file())
        .bind("video_url", video.url())
        .bind("video_info", video.infoJson())
        .bind("video_check", video.checkJson())
        .bind("needs_conform", video.needsConform())
        .bind("session_id", session == null ? null : session.sessionId())
        .bind("session_expires_at", session == null ? null : Sql.timestamp(session.expiresAt()))
        .bind("session_width", session == null ? null : session.width())
        .bind("session_height", session == null ? null : session.height())
        .bind("session_frames", session == null ? null : session.totalFrames())
        .bind("session_fps", session == null ? null : session.fps())
        .bind("preview_video_url", session == null ? null : session.previewVideoUrl())
        .bind("preview_cover_url", session == null ? null : session.previewCoverUrl())
        .bind("task_id", task.taskId())
        .bind("task_status", task.status() == null ? null : task.status().stored())
        .bind("task_status_message", task.statusMessage())
        .bind("queued", task.queued())
        .bind("submitted_at", Sql.timestamp(task.submittedAt()))
        .bind("next_check_at", Sql.timestamp(task.nextCheckAt()))
        .bind("check_count", task.checkCount())
        .bind("last_checked_at", Sql.timestamp(task.lastCheckedAt()))
        .bind("result_url", outcome.resultUrl())
        .bind("result_file", outcome.resultFile())
        .bind("failure_reason", outcome.failureReason())
        .bind("finished_at", Sql.timestamp(outcome.finishedAt()))
        .bind("delivery_started_at", Sql.timestamp(outcome.deliveryStartedAt()))
        .bind("delivered_at", Sql.timestamp(outcome.deliveredAt()))
        .bind("plan_message_id", edit.planMessageId())
        .bind("progress_message_id", edit.progressMessageId())
        .bind("callback_token", edit.callbackToken())
        .bind("updated_at", Sql.timestamp(edit.updatedAt()))
        .bind("result_video_id", outcome.resultVideoId())
        .bind("video_kling_id", video.klingVideoId())
        .bind("from_edit_id", video.chain() == null ? null : video.chain().fromEditId())
        .bind("from_link", video.chain() == null ? null : video.chain().link().id());
  }
}
