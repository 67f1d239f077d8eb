package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

/**
 * Something the user can fix or should know, in plain words: a refused instruction, a bad video, a
 * spent quota, an edit that is not theirs. Adapters show {@link #getMessage()} to the requester
 * (ephemerally where the platform allows); it never holds a stack trace or a secret.
 */
public final class EditException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of problem it is; adapters may choose wording or visibility from it. */
  public enum Kind {
    INSTRUCTION,
    VIDEO,
    IMAGE,
    QUOTA,
    NOT_FOUND,
    NOT_ALLOWED,
    WRONG_STATE,
    SELECTION,
    KLING,
    CONFIGURATION,
    BUSY
  }

  private final Kind kind;
  private final String suggestion;

  public EditException(Kind kind, String message) {
    super(requireNonNull(message, "message is null"));
    this.kind = requireNonNull(kind, "kind is null");
    this.suggestion = null;
  }

  /** A refused instruction with a close reading, offered as a one-click fix. */
  public static EditException withSuggestion(
      String message, java.util.Optional<String> suggestion) {
    return new EditException(Kind.INSTRUCTION, message, suggestion.orElse(null));
  }

  private EditException(Kind kind, String message, String suggestion) {
    super(requireNonNull(message, "message is null"));
    this.kind = requireNonNull(kind, "kind is null");
    this.suggestion = suggestion;
  }

  public EditException(Kind kind, String message, Throwable cause) {
    super(requireNonNull(message, "message is null"), cause);
    this.kind = requireNonNull(kind, "kind is null");
    this.suggestion = null;
  }

  /** The instruction the user probably meant, when a refused one had a close reading. */
  public java.util.Optional<String> suggestion() {
    return java.util.Optional.ofNullable(suggestion);
  }

  public Kind kind() {
    return kind;
  }
}
