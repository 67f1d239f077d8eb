package dev.klingbot.core.store;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.edit.EditEvent;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The event log of edits ({@code edit_events}): what happened to each edit, oldest first. {@link
 * EditStore} writes an event in the same transaction as the change it describes; {@link #record}
 * writes one on its own, for intents that change nothing else.
 */
public final class EditEventLog {
  private final Jdbi jdbi;

  public EditEventLog(Database database) {
    this.jdbi = requireNonNull(database, "database is null").jdbi();
  }

  /** Stores an event that goes with no change of the edit row. */
  public void record(String editId, Instant at, EditEvent event, String detail) {
    jdbi.useHandle(handle -> write(handle, editId, at, event, detail));
  }

  /** The stored events of an edit, oldest first, as {@code kind: detail} lines. */
  public List<String> lines(String editId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT kind, detail FROM edit_events WHERE edit_id = :id ORDER BY id")
                .bind("id", editId)
                .map(
                    (rs, ctx) ->
                        rs.getString("kind")
                            + (rs.getString("detail") == null ? "" : ": " + rs.getString("detail")))
                .list());
  }

  /** The kinds of an edit's events, oldest first. */
  public List<EditEvent> kinds(String editId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT kind FROM edit_events WHERE edit_id = :id ORDER BY id")
                .bind("id", editId)
                .map((rs, ctx) -> EditEvent.fromStored(rs.getString("kind")))
                .list());
  }

  static void write(Handle handle, String id, Instant at, EditEvent event, String detail) {
    handle
        .createUpdate(
            "INSERT INTO edit_events (edit_id, at, kind, detail) VALUES (:id, :at, :kind, :detail)")
        .bind("id", id)
        .bind("at", Sql.timestamp(at))
        .bind("kind", event.stored())
        .bind("detail", detail)
        .execute();
  }
}
