package dev.klingbot.slack;

import static java.util.Objects.requireNonNull;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs after Bolt's signature check in HTTP mode and refuses what it lets through but should not: a
 * signed request seen before (a replay within Slack's five-minute window) and a timestamp from the
 * future. A signed request is accepted once, whatever its {@code X-Slack-Retry-*} headers say:
 * those are not signed, so anyone holding a captured request could add them. Slack signs each retry
 * afresh; event retries are recognised by their event id instead ({@link SeenEvents}). The
 * signatures are remembered in the database, so a restart does not reopen the window.
 */
final class ReplayGuard implements Middleware {
  static final Duration WINDOW = Duration.ofMinutes(5);
  private static final Logger LOG = LoggerFactory.getLogger(ReplayGuard.class);

  private final Clock clock;
  private final SeenEvents seen;

  ReplayGuard(Clock clock, SeenEvents seen) {
    this.clock = requireNonNull(clock, "clock is null");
    this.seen = requireNonNull(seen, "seen is null");
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    if (req.isSocketMode()) {
      return chain.next(req);
    }
    String signature = req.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
    String timestamp =
        req.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
    if (signature == null || timestamp == null) {
      return chain.next(req);
    }
    Instant now = clock.instant();
    Instant sent;
    try {
      sent = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
    } catch (NumberFormatException e) {
      return refuse("an unreadable timestamp");
    }
    if (sent.isAfter(now.plus(WINDOW))) {
      return refuse("a timestamp from the future");
    }
    // Accepted timestamps lie within five minutes either side of now: ten minutes cover them all.
    if (!seen.signature(signature, WINDOW.multipliedBy(2))) {
      return refuse("a signature that was already used");
    }
    return chain.next(req);
  }

  private static Response refuse(String why) {
    LOG.warn("Refused a Slack request with {}", why);
    return Response.json(401, "{\"error\":\"invalid request\"}");
  }
}
