package dev.klingbot.core.relay;

/**
 * The media store could not be reached or refused a request. The message is a plain sentence for an
 * admin (which store, what failed, what to check) and never holds a key or a signed URL.
 */
public final class MediaStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MediaStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
