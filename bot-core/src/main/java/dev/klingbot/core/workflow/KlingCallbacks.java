package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditLogContext;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.metrics.WorkflowMetrics;
import dev.klingbot.core.store.EditStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kling's status callbacks, posted to {@code /kling/callback/<edit id>/<secret>}. A callback is a
 * hint, never the truth: it only makes the job runner query the task now. The per-edit secret in
 * the URL must match, and when a webhook secret is configured and the request is signed, the
 * Standard Webhooks signature must be valid.
 */
public final class KlingCallbacks {
  private static final Logger LOG = LoggerFactory.getLogger(KlingCallbacks.class);

  /** What the HTTP layer answers. */
  public enum Outcome {
    ACCEPTED(204),
    UNKNOWN_EDIT(404),
    FORBIDDEN(403),
    BAD_SIGNATURE(401);

    private final int httpStatus;

    Outcome(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  private final EditStore edits;
  private final Optional<WebhookSignature> signature;
  private final Runnable wakeRunner;
  private final Clock clock;
  private final WorkflowMetrics metrics;

  public KlingCallbacks(
      EditStore edits, Optional<WebhookSignature> signature, Runnable wakeRunner, Clock clock) {
    this(edits, signature, wakeRunner, clock, WorkflowMetrics.none());
  }

  /** Callbacks counted in {@code klingbot.callbacks.received} and {@code .verified}. */
  public KlingCallbacks(
      EditStore edits,
      Optional<WebhookSignature> signature,
      Runnable wakeRunner,
      Clock clock,
      WorkflowMetrics metrics) {
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.edits = requireNonNull(edits, "edits is null");
    this.signature = requireNonNull(signature, "signature is null");
    this.wakeRunner = requireNonNull(wakeRunner, "wakeRunner is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * Handles one callback.
   *
   * @param headers request headers, names in lower case
   */
  public Outcome handle(String editId, String token, Map<String, String> headers, byte[] body) {
    try (EditLogContext.Scope scope = EditLogContext.open(editId)) {
      return handleInScope(editId, token, headers, body);
    }
  }

  private Outcome handleInScope(
      String editId, String token, Map<String, String> headers, byte[] body) {
    Optional<Edit> found = edits.find(editId);
    if (found.isEmpty()) {
      return Outcome.UNKNOWN_EDIT;
    }
    Edit edit = found.get();
    try (Messages.Scope lang = Messages.use(edit.origin().lang().orElse(null))) {
      return handleFound(edit, token, headers, body);
    }
  }

  private Outcome handleFound(Edit edit, String token, Map<String, String> headers, byte[] body) {
    String editId = edit.id();
    metrics.callbackReceived();
    if (token == null
        || !MessageDigest.isEqual(
            edit.callbackToken().getBytes(StandardCharsets.UTF_8),
            token.getBytes(StandardCharsets.UTF_8))) {
      LOG.warn("Callback for edit {} with a wrong secret refused", editId);
      return Outcome.FORBIDDEN;
    }
    Instant now = clock.instant();
    if (signature.isPresent() && headers.containsKey("webhook-signature")) {
      boolean valid =
          signature
              .get()
              .verify(
                  headers.get("webhook-id"),
                  headers.get("webhook-timestamp"),
                  headers.get("webhook-signature"),
                  body,
                  now);
      if (!valid) {
        LOG.warn("Callback for edit {} with a bad webhook signature refused", editId);
        return Outcome.BAD_SIGNATURE;
      }
    }
    metrics.callbackVerified();
    LOG.debug("Callback for edit {}; checking the task now", editId);
    edits.work().checkBy(editId, now);
    wakeRunner.run();
    return Outcome.ACCEPTED;
  }
}
