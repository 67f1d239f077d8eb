package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Requester;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.media.DiskBudget;
import dev.klingbot.core.media.MediaText;
import dev.klingbot.core.store.EditStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What keeps a burst of mentions from making many Kling sessions and video copies for nothing,
 * checked before any download or Kling call: the open (unsubmitted) edits of a member, the edits a
 * member started in the last minute (both counted from the store, so they hold across processes),
 * and the media folder's disk budget. Starts still running in this process count too, so fifteen
 * mentions at once cannot all pass before the first is stored.
 */
final class StartLimits {
  static final Duration WINDOW = Duration.ofMinutes(1);

  private final EditStore edits;
  private final int openPerUser;
  private final int startsPerMinute;
  private final DiskBudget disk;
  private final Clock clock;
  private final Map<String, Map<String, Instant>> starting = new HashMap<>();

  StartLimits(EditStore edits, int openPerUser, int startsPerMinute, DiskBudget disk, Clock clock) {
    this.edits = requireNonNull(edits, "edits is null");
    if (openPerUser < 1 || startsPerMinute < 1) {
      throw new IllegalArgumentException("limits must be 1 or more");
    }
    this.openPerUser = openPerUser;
    this.startsPerMinute = startsPerMinute;
    this.disk = requireNonNull(disk, "disk is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  static StartLimits from(EditStore edits, WorkflowSettings settings, Clock clock) {
    return new StartLimits(
        edits,
        settings.openEditsPerUser(),
        settings.startsPerUserPerMinute(),
        new DiskBudget(settings.workDir(), settings.diskBudgetBytes(), clock),
        clock);
  }

  /** A start admitted and not yet stored; close it once the edit is stored or the start failed. */
  interface Admission extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Admits a start or refuses it with a sentence that says how to go on.
   *
   * @throws EditException when a limit is reached
   */
  synchronized Admission admit(Requester who) {
    return admit(who, dev.klingbot.core.edit.EditIds.next());
  }

  /**
   * Admits the start of edit {@code editId}; while it is starting it counts once, whether or not it
   * is stored yet.
   */
  synchronized Admission admit(Requester who, String editId) {
    requireNonNull(who, "who is null");
    if (disk.over()) {
      throw new EditException(
          EditException.Kind.BUSY,
          Messages.text(
              "edit.limit.disk",
              MediaText.bytes(disk.usedBytes()),
              MediaText.bytes(disk.budgetBytes())));
    }
    Instant now = clock.instant();
    String key = who.platform().id() + "/" + who.serverId() + "/" + who.userId();
    Map<String, Instant> pending =
        starting.computeIfAbsent(key, k -> new java.util.LinkedHashMap<>());
    List<String> open = edits.openIdsByUser(who.platform(), who.serverId(), who.userId(), now);
    // An edit being started may already be stored: count it once.
    List<Instant> notStored =
        pending.entrySet().stream()
            .filter(entry -> !open.contains(entry.getKey()))
            .map(Map.Entry::getValue)
            .toList();
    if (open.size() + notStored.size() >= openPerUser) {
      throw new EditException(EditException.Kind.QUOTA, tooManyOpen(open, notStored.size()));
    }
    List<Instant> recent =
        new ArrayList<>(
            edits.startsByUserSince(
                who.platform(), who.serverId(), who.userId(), now.minus(WINDOW)));
    recent.addAll(notStored);
    if (recent.size() >= startsPerMinute) {
      Instant oldest = recent.stream().min(Instant::compareTo).orElse(now);
      long millis = Duration.between(now, oldest.plus(WINDOW)).toMillis();
      long seconds = Math.max(1, (millis + 999) / 1000);
      throw new EditException(
          EditException.Kind.QUOTA,
          Messages.text("edit.limit.rate", String.valueOf(recent.size()), seconds));
    }
    pending.put(editId, now);
    boolean[] closed = {false};
    return () -> {
      synchronized (StartLimits.this) {
        if (!closed[0]) {
          closed[0] = true;
          pending.remove(editId);
          if (pending.isEmpty()) {
            starting.remove(key, pending);
          }
        }
      }
    };
  }

  private String tooManyOpen(List<String> open, int pending) {
    List<String> parts = new ArrayList<>();
    if (!open.isEmpty()) {
      parts.add(String.join(", ", open));
    }
    if (pending > 0) {
      parts.add(Messages.text("edit.limit.open.starting", String.valueOf(pending)));
    }
    int count = open.size() + pending;
    String which = String.join("; ", parts);
    return open.isEmpty()
        ? Messages.text("edit.limit.open", count, which)
        : Messages.text("edit.limit.open.example", count, which, open.get(0));
  }
}
