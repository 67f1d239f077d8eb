package dev.klingbot.core.store;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.edit.EditEvent;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

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
    return events(
        editId,
        (rs, ctx) ->
            rs.getString("kind")
                + (rs.getString("detail") == null ? "" : ": " + rs.getString("detail")));
  }

  /** The kinds of an edit's events, oldest first. */
  public List<EditEvent> kinds(String editId) {
    return events(editId, (rs, ctx) -> EditEvent.fromStored(rs.getString("kind")));
  }

  /** Each of an edit's events, oldest first, read by {@code mapper}. */
  private <T> List<T> events(String editId, RowMapper<T> mapper) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT kind, detail FROM edit_events WHERE edit_id = :id ORDER BY id")
                .bind("id", editId)
                .map(mapper)
                .list());
  }

  /**
   * The outage an edit is waiting out: the {@link EditEvent#KLING_UNAVAILABLE} events at the end of
   * its log (intents in between do not count, since each retry announces its call again). Empty
   * when the last thing that happened was not such a failure.
   */
  public java.util.Optional<Outage> currentOutage(String editId) {
    List<Object[]> rows =
        jdbi.withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT kind, at FROM edit_events WHERE edit_id = :id ORDER BY id DESC")
                    .bind("id", editId)
                    .setMaxRows(500)
                    .map(
                        (rs, ctx) ->
                            new Object[] {
                              EditEvent.fromStored(rs.getString("kind")),
                              Sql.instant(rs.getTimestamp("at"))
                            })
                    .list());
    Instant since = null;
    int failures = 0;
    for (Object[] row : rows) {
      EditEvent kind = (EditEvent) row[0];
      if (kind == EditEvent.KLING_UNAVAILABLE) {
        since = (Instant) row[1];
        failures++;
      } else if (!kind.isIntent()) {
        break;
      }
    }
    return since == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(new Outage(since, failures));
  }

  /**
   * An outage of Kling as one edit saw it.
   *
   * @param since when the first failed call of this run was recorded
   * @param failures how many calls have failed in a row
   */
  public record Outage(Instant since, int failures) {}

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
