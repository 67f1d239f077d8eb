package dev.klingbot.core.store;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Platform;
import dev.klingbot.core.edit.Edit;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The job runner's side of the edits table: which edits have work due, the leases that let several
 * processes share that work, the queue of edits waiting for a free Kling slot, and which finished
 * edits may lose their files. It never changes an edit's own columns except the lease and the next
 * check time, so it cannot conflict with {@link EditStore}'s versioned saves.
 */
public final class EditWorkQueue {
  /**
   * Work is due now: a running task's check, a finished edit's delivery or a started edit's look at
   * its session has come ({@code work_at}, kept by the database, see migration V6), on a platform
   * followed here; the lease condition is added where it is used. The lower bound keeps the index
   * range off the edits without work (H2 sorts NULL first).
   */
  private static final String DUE =
      "platform IN (<platforms>) AND work_at >= :epoch AND work_at <= :now";

  private final Jdbi jdbi;
  private final Dialect dialect;

  public EditWorkQueue(Database database) {
    this.jdbi = requireNonNull(database, "database is null").jdbi();
    this.dialect = database.dialect();
  }

  /**
   * Takes the leases of up to {@code limit} edits with work due, for {@code owner} until {@code
   * until}, and returns their ids: edits nobody holds, edits whose lease ran out, and edits {@code
   * owner} holds already (a process keeps the edits it follows, see {@link #keep}). On PostgreSQL
   * one statement picks and leases them with {@code FOR UPDATE SKIP LOCKED}, so processes claiming
   * at the same moment each get other edits without waiting for one another; on H2 each due edit is
   * leased by a conditional update. Either way an edit is held by one process at a time.
   */
  public List<String> claimDue(
      Instant now,
      java.util.Collection<Platform> platforms,
      int limit,
      String owner,
      Instant until) {
    return claimDue(now, everyServer(platforms), limit, owner, until);
  }

  /**
   * Like {@link #claimDue(Instant, java.util.Collection, int, String, Instant)}, for the servers of
   * each platform that this process serves (on Discord: the servers of its shards).
   */
  public List<String> claimDue(
      Instant now, Map<Platform, ServerShards> followed, int limit, String owner, Instant until) {
    if (followed.isEmpty()) {
      return List.of();
    }
    Set<Platform> platforms = followed.keySet();
    if (dialect != Dialect.POSTGRES) {
      return due(now, followed, limit, owner).stream()
          .filter(id -> claim(id, owner, now, until))
          .toList();
    }
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "UPDATE edits SET lease_owner = :owner, lease_until = :until WHERE id IN"
                        + " (SELECT id FROM edits WHERE "
                        + DUE
                        + shards(followed)
                        + " AND (lease_until IS NULL OR lease_until < :now OR lease_owner = :owner)"
                        + " ORDER BY submitted_at, created_at LIMIT :limit FOR UPDATE SKIP LOCKED)"
                        + " RETURNING id")
                .bind("epoch", Sql.timestamp(Instant.EPOCH))
                .bind("now", Sql.timestamp(now))
                .bind("owner", owner)
                .bind("until", Sql.timestamp(until))
                .bind("limit", limit)
                .bindList("platforms", platforms.stream().map(Platform::id).toList())
                .mapTo(String.class)
                .list());
  }

  /**
   * Ids of edits the job runner has work on: running tasks due for a check, started edits waiting
   * for Kling to open their session (a due {@code next_check_at} while {@code created}), and
   * finished edits whose final message has not been posted.
   */
  public List<String> dueForWork(Instant now, java.util.Collection<Platform> platforms, int limit) {
    return dueForWork(now, everyServer(platforms), limit);
  }

  /** Like {@link #dueForWork(Instant, java.util.Collection, int)}, for the servers served here. */
  public List<String> dueForWork(Instant now, Map<Platform, ServerShards> followed, int limit) {
    return due(now, followed, limit, "");
  }

  /** {@link #dueForWork}, and also the due edits {@code owner} holds. */
  private List<String> due(
      Instant now, Map<Platform, ServerShards> followed, int limit, String owner) {
    if (followed.isEmpty()) {
      return List.of();
    }
    Set<Platform> platforms = followed.keySet();
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT id FROM edits WHERE "
                        + DUE
                        + shards(followed)
                        + " AND (lease_until IS NULL OR lease_until < :now OR lease_owner = :owner)"
                        + " ORDER BY submitted_at, created_at")
                .bind("epoch", Sql.timestamp(Instant.EPOCH))
                .bind("now", Sql.timestamp(now))
                .bind("owner", owner)
                .bindList("platforms", platforms.stream().map(Platform::id).toList())
                .setMaxRows(limit)
                .mapTo(String.class)
                .list());
  }

  private static Map<Platform, ServerShards> everyServer(java.util.Collection<Platform> platforms) {
    Map<Platform, ServerShards> all = new EnumMap<>(Platform.class);
    platforms.forEach(platform -> all.put(platform, ServerShards.ALL));
    return all;
  }

  /** The conditions that keep each sharded platform's edits to the servers served here. */
  private static String shards(Map<Platform, ServerShards> followed) {
    StringBuilder sql = new StringBuilder();
    followed.forEach((platform, shards) -> sql.append(shards.sqlCondition(platform.id())));
    return sql.toString();
  }

  /**
   * The earliest time before {@code before} that an edit with work left is due, for the runner's
   * sleep: over the platforms and servers followed here, the edits no other process holds. Only the
   * edits due before {@code before} are read (an index range), however many are open.
   */
  public Optional<Instant> nextDue(
      Map<Platform, ServerShards> followed, String owner, Instant now, Instant before) {
    if (followed.isEmpty()) {
      return Optional.empty();
    }
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT MIN(work_at) FROM edits WHERE work_at >= :epoch AND work_at < :before"
                        + " AND platform IN (<platforms>)"
                        + shards(followed)
                        + " AND (lease_until IS NULL OR lease_until < :now OR lease_owner ="
                        + " :owner)")
                .bind("epoch", Sql.timestamp(Instant.EPOCH))
                .bind("before", Sql.timestamp(before))
                .bind("now", Sql.timestamp(now))
                .bind("owner", owner)
                .bindList("platforms", followed.keySet().stream().map(Platform::id).toList())
                .mapTo(java.sql.Timestamp.class)
                .findOne()
                .map(Sql::instant));
  }

  /**
   * Edits still being prepared whose Kling session has expired or that are older than {@code
   * createdBefore}.
   */
  public List<String> expiredBeforeSubmit(Instant now, Instant createdBefore) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT id FROM edits WHERE state IN ('CREATED', 'SELECTING', 'PREVIEWED') AND"
                        + " (session_expires_at <= :now OR created_at <= :before)")
                .bind("now", Sql.timestamp(now))
                .bind("before", Sql.timestamp(createdBefore))
                .mapTo(String.class)
                .list());
  }

  /** Number of queued edits submitted before {@code edit} (its place in the queue is this + 1). */
  public int queuedAhead(Edit edit) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT COUNT(*) FROM edits WHERE state = 'SUBMITTED' AND task_id IS NULL AND"
                        + " id <> :id AND (submitted_at < :at OR (submitted_at = :at AND id < :id))")
                .bind("id", edit.id())
                .bind("at", Sql.timestamp(edit.task().submittedAt()))
                .mapTo(Integer.class)
                .one());
  }

  /** How many edits are in each state (states without edits are left out). */
  public java.util.Map<dev.klingbot.core.edit.EditState, Long> countByState() {
    return jdbi.withHandle(
        handle -> {
          java.util.Map<dev.klingbot.core.edit.EditState, Long> counts =
              new java.util.EnumMap<>(dev.klingbot.core.edit.EditState.class);
          handle
              .createQuery("SELECT state, COUNT(*) AS n FROM edits GROUP BY state")
              .map((rs, ctx) -> java.util.Map.entry(rs.getString("state"), rs.getLong("n")))
              .forEach(
                  e ->
                      counts.put(
                          dev.klingbot.core.edit.EditState.valueOf(e.getKey()), e.getValue()));
          return counts;
        });
  }

  /** How many edits wait for a free Kling slot. */
  public long queuedCount() {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT COUNT(*) FROM edits WHERE state = 'SUBMITTED' AND task_id IS NULL AND"
                        + " queued = TRUE")
                .mapTo(Long.class)
                .one());
  }

  /** Whether an older edit waits in the queue (so a newer one must not jump it). */
  public Optional<String> oldestQueued() {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT id FROM edits WHERE state = 'SUBMITTED' AND task_id IS NULL AND queued ="
                        + " TRUE ORDER BY submitted_at, id")
                .setMaxRows(1)
                .mapTo(String.class)
                .findFirst());
  }

  /**
   * Asks for a running edit to be checked at {@code at} at the latest (a callback arrived). Only
   * moves the next check earlier and does not change the version, so it never conflicts with the
   * job runner's own save.
   */
  public void checkBy(String id, Instant at) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE edits SET next_check_at = :at WHERE id = :id AND state IN ('SUBMITTED',"
                        + " 'PROCESSING') AND (next_check_at IS NULL OR next_check_at > :at)")
                .bind("at", Sql.timestamp(at))
                .bind("id", id)
                .execute());
  }

  /** Takes the job for {@code owner} until {@code until}, unless another process holds it. */
  public boolean claim(String id, String owner, Instant now, Instant until) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE edits SET lease_owner = :owner, lease_until = :until WHERE id = :id"
                            + " AND (lease_owner IS NULL OR lease_until IS NULL OR lease_until <"
                            + " :now OR lease_owner = :owner)")
                    .bind("owner", owner)
                    .bind("until", Sql.timestamp(until))
                    .bind("now", Sql.timestamp(now))
                    .bind("id", id)
                    .execute())
        == 1;
  }

  /** The owners of leases currently held (whether or not they have run out). */
  public List<String> leaseOwners() {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT DISTINCT lease_owner FROM edits WHERE lease_owner IS NOT NULL")
                .mapTo(String.class)
                .list());
  }

  /** Drops every lease of an owner that is known to be gone; returns how many. */
  public int releaseAll(String owner) {
    return jdbi.withHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE edits SET lease_owner = NULL, lease_until = NULL WHERE lease_owner ="
                        + " :owner")
                .bind("owner", owner)
                .execute());
  }

  /**
   * Keeps the edit with {@code owner} until {@code until} (when it holds it): the process that
   * follows an edit goes on following it, and another process takes it over only when that lease
   * runs out.
   */
  public void keep(String id, String owner, Instant until) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE edits SET lease_until = :until WHERE id = :id AND lease_owner = :owner")
                .bind("id", id)
                .bind("owner", owner)
                .bind("until", Sql.timestamp(until))
                .execute());
  }

  public void release(String id, String owner) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE edits SET lease_owner = NULL, lease_until = NULL WHERE id = :id AND"
                        + " lease_owner = :owner")
                .bind("id", id)
                .bind("owner", owner)
                .execute());
  }

  /** Ids of finished edits last changed before {@code before} (their files may be deleted). */
  public List<String> finishedBefore(Instant before, int limit) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT id FROM edits WHERE state IN ('SUCCEEDED', 'FAILED', 'CANCELLED',"
                        + " 'EXPIRED') AND updated_at < :before AND (delivered_at IS NOT NULL OR"
                        + " state = 'CANCELLED') ORDER BY updated_at")
                .bind("before", Sql.timestamp(before))
                .setMaxRows(limit)
                .mapTo(String.class)
                .list());
  }
}
