package dev.klingbot.kling;

import static java.util.Objects.requireNonNull;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one Kling call under a {@link KlingRetryPolicy}, using a Failsafe {@link RetryPolicy}. */
final class Retrier {
  private static final Logger log = LoggerFactory.getLogger(Retrier.class);

  private final KlingRetryPolicy policy;
  private final DoubleSupplier random;

  Retrier(KlingRetryPolicy policy, DoubleSupplier random) {
    this.policy = requireNonNull(policy, "policy is null");
    this.random = requireNonNull(random, "random is null");
  }

  /**
   * Calls {@code attempt} until it returns, throws a {@link KlingException} that {@code retryIf}
   * refuses, or the attempts run out; then rethrows the last exception.
   */
  <T> T call(String operation, Predicate<KlingException> retryIf, Supplier<T> attempt) {
    RetryPolicy<T> retryPolicy =
        RetryPolicy.<T>builder()
            .handleIf(failure -> failure instanceof KlingException k && retryIf.test(k))
            .withMaxAttempts(policy.maxAttempts())
            .withDelayFn(
                context ->
                    policy.delayBeforeRetry(
                        context.getAttemptCount(),
                        context.getLastException(),
                        random.getAsDouble()))
            .onRetry(
                event ->
                    log.debug(
                        "retrying Kling {} (attempt {} of {}) after: {}",
                        operation,
                        event.getAttemptCount() + 1,
                        policy.maxAttempts(),
                        event.getLastException() == null
                            ? "no exception"
                            : event.getLastException().getMessage()))
            .build();
    try {
      return Failsafe.with(retryPolicy).get(attempt::get);
    } catch (FailsafeException e) {
      if (e.getCause() instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw KlingException.builder(
                KlingErrorCode.INTERRUPTED, "Kling " + operation + " was interrupted")
            .cause(e.getCause())
            .build();
      }
      throw e;
    }
  }
}
