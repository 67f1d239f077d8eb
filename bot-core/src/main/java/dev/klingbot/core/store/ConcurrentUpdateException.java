package dev.klingbot.core.store;

/** Someone else changed the edit since it was read; read it again and retry. */
public final class ConcurrentUpdateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConcurrentUpdateException(String editId) {
    super("edit " + editId + " was changed by someone else");
  }
}
