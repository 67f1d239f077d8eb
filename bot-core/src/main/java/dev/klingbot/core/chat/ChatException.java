package dev.klingbot.core.chat;

/** The chat platform refused or failed a post or edit. */
public final class ChatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  public ChatException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** Whether trying again later may help (rate limits, outages), as opposed to lost access. */
  public boolean retryable() {
    return retryable;
  }
}
