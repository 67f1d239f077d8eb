package dev.klingbot.core.edit;

import org.slf4j.MDC;

/**
 * The edit a thread is working on, in the log context (SLF4J's MDC, key {@value #KEY}), so every
 * log line about an edit carries its id (in the text format as {@code [edit ABCD1234]}, in the JSON
 * format as {@code "mdc":{"edit":"ABCD1234"}}). A scope is opened where work on one edit begins (a
 * command, a job runner step, a callback) and closed when it ends, restoring what was there.
 */
public final class EditLogContext {
  public static final String KEY = "edit";

  private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

  private EditLogContext() {}

  /** Ends a scope: the previous edit id (or none) is back. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** Opens a scope about {@code editId} ({@code null}: about no edit known yet). */
  public static Scope open(String editId) {
    String previous = MDC.get(KEY);
    put(editId);
    DEPTH.set(DEPTH.get() + 1);
    return () -> {
      put(previous);
      int depth = DEPTH.get() - 1;
      if (depth <= 0) {
        DEPTH.remove();
      } else {
        DEPTH.set(depth);
      }
    };
  }

  /**
   * Names the edit of the open scope once it is known (a new edit gets its id after the scope
   * opened). Outside a scope it does nothing, so no id is left behind on a pooled thread.
   */
  public static void name(String editId) {
    if (DEPTH.get() > 0) {
      put(editId);
    } else {
      DEPTH.remove();
    }
  }

  private static void put(String editId) {
    if (editId == null) {
      MDC.remove(KEY);
    } else {
      MDC.put(KEY, editId);
    }
  }
}
