package dev.klingbot.slack;

import static java.util.Objects.requireNonNull;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.klingbot.core.chat.ChatException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Slack Web API calls: checks {@code ok} on every answer, waits as long as Slack's {@code
 * Retry-After} says when rate-limited (a bounded number of times, never longer than {@code
 * maxWait}), retries server errors briefly, and turns every failure into a {@link ChatException}
 * (retryable for rate limits and outages, not for lost access such as {@code not_in_channel}).
 */
final class SlackApi {
  private static final Logger LOG = LoggerFactory.getLogger(SlackApi.class);
  static final Set<String> RETRYABLE_ERRORS =
      Set.of(
          "ratelimited",
          "rate_limited",
          "internal_error",
          "fatal_error",
          "service_unavailable",
          "request_timeout");

  /** One Web API call. */
  @FunctionalInterface
  interface Call<T extends SlackApiTextResponse> {
    T run(MethodsClient client) throws IOException, SlackApiException;
  }

  /** How retries wait; tests replace the sleeper. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /**
   * Retry limits.
   *
   * @param attempts how many times a call is made at most
   * @param maxWait a {@code Retry-After} longer than this is not waited for
   * @param serverErrorBackoff the wait before retrying a 5xx answer (doubled each time)
   */
  record Retry(int attempts, Duration maxWait, Duration serverErrorBackoff, Sleeper sleeper) {
    static Retry defaults() {
      return new Retry(
          3, Duration.ofSeconds(30), Duration.ofSeconds(1), d -> Thread.sleep(d.toMillis()));
    }
  }

  private final MethodsClient client;
  private final Retry retry;

  SlackApi(MethodsClient client, Retry retry) {
    this.client = requireNonNull(client, "client is null");
    this.retry = requireNonNull(retry, "retry is null");
  }

  MethodsClient client() {
    return client;
  }

  /** Makes the call, retrying rate limits and outages; the answer is always {@code ok}. */
  <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
    Duration backoff = retry.serverErrorBackoff();
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt >= retry.attempts();
      Duration wait;
      try {
        T response = call.run(client);
        if (response == null) {
          throw failure(method, "no answer", true, null);
        }
        if (response.isOk()) {
          if (response.getWarning() != null) {
            LOG.debug("Slack {} warned: {}", method, response.getWarning());
          }
          return response;
        }
        String error = String.valueOf(response.getError());
        boolean retryable = RETRYABLE_ERRORS.contains(error);
        if (!retryable || last) {
          throw failure(method, error, retryable, null);
        }
        wait = retryAfter(response.getHttpResponseHeaders()).orElse(backoff);
      } catch (SlackApiException e) {
        int status = e.getResponse() == null ? 0 : e.getResponse().code();
        boolean rateLimited = status == 429;
        boolean serverError = status >= 500;
        String error =
            e.getError() != null && e.getError().getError() != null
                ? e.getError().getError()
                : rateLimited ? "ratelimited" : "HTTP " + status;
        if (!(rateLimited || serverError) || last) {
          throw failure(method, error, rateLimited || serverError, e);
        }
        String header = e.getResponse().header("Retry-After");
        wait = rateLimited ? parseSeconds(header).orElse(Duration.ofSeconds(1)) : backoff;
      } catch (IOException e) {
        throw failure(method, "network error: " + e.getMessage(), true, e);
      }
      if (wait.compareTo(retry.maxWait()) > 0) {
        throw failure(method, "ratelimited (Retry-After " + wait.toSeconds() + " s)", true, null);
      }
      LOG.info(
          "Slack {} asked to wait {} ms (attempt {} of {})",
          method,
          wait.toMillis(),
          attempt,
          retry.attempts());
      try {
        retry.sleeper().sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure(method, "interrupted while waiting to retry", true, e);
      }
      backoff = backoff.multipliedBy(2);
    }
  }

  private static ChatException failure(
      String method, String error, boolean retryable, Throwable cause) {
    LOG.warn("Slack {} failed: {}{}", method, error, retryable ? " (may be retried)" : "");
    return new ChatException("Slack " + method + " failed: " + error, retryable, cause);
  }

  private static java.util.Optional<Duration> retryAfter(Map<String, List<String>> headers) {
    if (headers == null) {
      return java.util.Optional.empty();
    }
    List<String> values = headers.get("retry-after");
    return values == null || values.isEmpty()
        ? java.util.Optional.empty()
        : parseSeconds(values.get(0));
  }

  private static java.util.Optional<Duration> parseSeconds(String value) {
    if (value == null) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }

  /** The Slack error code inside a {@link ChatException} message, for wording. */
  static String errorCode(ChatException e) {
    String message = String.valueOf(e.getMessage());
    int colon = message.lastIndexOf("failed: ");
    return colon < 0 ? message : message.substring(colon + "failed: ".length());
  }
}
