package dev.klingbot.kling;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * A failed call to Kling, or a call the SDK refused to make.
 *
 * <p>{@link #httpStatus()} is 0 when no answer arrived; {@link #code()} is the envelope's body
 * {@code code}, the {@code data.status} for {@link KlingErrorCode#VIDEO_REJECTED} and {@link
 * KlingErrorCode#SELECTION_REJECTED}, or -1; {@link #apiMessage()} is Kling's own message. {@link
 * #retryable()} is decided from the body code, never from the HTTP status alone (429 means both
 * "out of credit" and "slow down"). The message never contains a token, a key or an {@code
 * Authorization} header.
 */
public final class KlingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final int code;
  private final String apiMessage;
  private final String requestId;
  private final KlingErrorCode errorCode;
  private final boolean retryable;
  private final Duration retryAfter;

  private KlingException(Builder builder) {
    super(describe(builder), builder.cause);
    this.httpStatus = builder.httpStatus;
    this.code = builder.code;
    this.apiMessage = builder.apiMessage;
    this.requestId = builder.requestId;
    this.errorCode = builder.errorCode;
    this.retryable = builder.retryable;
    this.retryAfter = builder.retryAfter;
  }

  /**
   * Starts an exception of the given kind. The SDK raises these itself; the builder is public so
   * that fakes of {@link KlingClient} in other modules' tests can raise the same failures.
   */
  public static Builder builder(KlingErrorCode errorCode, String summary) {
    return new Builder(errorCode, summary);
  }

  /** The HTTP status of Kling's answer, or 0 when no answer arrived. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The body {@code code} (or {@code data.status} for rejections), or -1 when there was none. */
  public int code() {
    return code;
  }

  /** Kling's own message, or an empty string. */
  public String apiMessage() {
    return apiMessage;
  }

  /** The envelope's {@code request_id} (quote it to Kling support), or an empty string. */
  public String requestId() {
    return requestId;
  }

  /** The kind of error. */
  public KlingErrorCode errorCode() {
    return errorCode;
  }

  /** Whether the same call may succeed if made again later. */
  public boolean retryable() {
    return retryable;
  }

  /** The delay Kling asked for in a {@code Retry-After} header, if any. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** A plain-English sentence for users and admins, by kind of error. */
  public String userMessage() {
    return errorCode.userMessage();
  }

  /** Whether Kling may have acted on the request even though the call failed. */
  boolean outcomeUnknown() {
    return errorCode == KlingErrorCode.NETWORK_ERROR
        || (errorCode == KlingErrorCode.INVALID_RESPONSE && httpStatus >= 200 && httpStatus < 300)
        || httpStatus >= 500
        || errorCode == KlingErrorCode.INTERNAL_ERROR
        || errorCode == KlingErrorCode.SERVICE_UNAVAILABLE
        || errorCode == KlingErrorCode.INTERNAL_TIMEOUT;
  }

  private static String describe(Builder builder) {
    StringBuilder text = new StringBuilder(builder.summary);
    StringBuilder details = new StringBuilder();
    if (builder.httpStatus > 0) {
      details.append("HTTP ").append(builder.httpStatus);
    }
    if (builder.code != -1) {
      appendSeparator(details).append("code ").append(builder.code);
    }
    if (!builder.requestId.isEmpty()) {
      appendSeparator(details).append("request_id ").append(builder.requestId);
    }
    if (details.length() > 0) {
      text.append(" (").append(details).append(')');
    }
    if (!builder.apiMessage.isEmpty()) {
      text.append(": ").append(builder.apiMessage);
    }
    return text.toString();
  }

  private static StringBuilder appendSeparator(StringBuilder details) {
    return details.length() > 0 ? details.append(", ") : details;
  }

  /** Collects the parts of a {@link KlingException}; unset parts are 0, -1, "" or false. */
  public static final class Builder {
    private final KlingErrorCode errorCode;
    private final String summary;
    private int httpStatus;
    private int code = -1;
    private String apiMessage = "";
    private String requestId = "";
    private boolean retryable;
    private Duration retryAfter;
    private Throwable cause;

    private Builder(KlingErrorCode errorCode, String summary) {
      this.errorCode = requireNonNull(errorCode, "errorCode is null");
      this.summary = requireNonNull(summary, "summary is null");
    }

    public Builder httpStatus(int httpStatus) {
      this.httpStatus = httpStatus;
      return this;
    }

    public Builder code(int code) {
      this.code = code;
      return this;
    }

    public Builder apiMessage(String apiMessage) {
      this.apiMessage = apiMessage == null ? "" : apiMessage;
      return this;
    }

    public Builder requestId(String requestId) {
      this.requestId = requestId == null ? "" : requestId;
      return this;
    }

    public Builder retryable(boolean retryable) {
      this.retryable = retryable;
      return this;
    }

    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
      return this;
    }

    public Builder cause(Throwable cause) {
      this.cause = cause;
      return this;
    }

    public KlingException build() {
      return new KlingException(this);
    }
  }
}
