package dev.klingbot.core.store;

/** The database could not be opened or a statement failed; the message is safe to show. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
