package dev.klingbot.slack;

import static java.util.Objects.requireNonNull;

import com.slack.api.model.User;
import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a Slack user is: a display name for messages and whether they are an admin (workspace admin
 * or owner per {@code users.info}, or listed in the configuration). Answers are cached briefly so a
 * burst of clicks makes one call.
 */
final class UserDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(UserDirectory.class);

  /** A user as the bot sees them. */
  record SlackUser(String id, String name, boolean admin, String locale) {
    SlackUser(String id, String name, boolean admin) {
      this(id, name, admin, null);
    }
  }

  private record Cached(SlackUser user, Instant until) {}

  private final SlackApi api;
  private final Set<String> listedAdmins;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  UserDirectory(SlackApi api, Set<String> listedAdmins, Duration ttl, Clock clock) {
    this.api = requireNonNull(api, "api is null");
    this.listedAdmins = Set.copyOf(requireNonNull(listedAdmins, "listedAdmins is null"));
    this.ttl = requireNonNull(ttl, "ttl is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** The requester of a Slack request, with name and admin flag filled in. */
  Requester requester(String teamId, String channelId, String threadTs, String userId) {
    SlackUser user = lookup(userId);
    return new Requester(
        Platform.SLACK,
        teamId,
        channelId,
        threadTs,
        userId,
        user.name(),
        user.admin(),
        user.locale());
  }

  SlackUser lookup(String userId) {
    requireNonNull(userId, "userId is null");
    Instant now = clock.instant();
    Cached cached = cache.get(userId);
    if (cached != null && cached.until().isAfter(now)) {
      return cached.user();
    }
    boolean listed = listedAdmins.contains(userId);
    try {
      User user =
          api.call("users.info", c -> c.usersInfo(r -> r.user(userId).includeLocale(true)))
              .getUser();
      SlackUser found =
          new SlackUser(
              userId,
              name(user, userId),
              listed || user.isAdmin() || user.isOwner() || user.isPrimaryOwner(),
              user.getLocale());
      cache.put(userId, new Cached(found, now.plus(ttl)));
      return found;
    } catch (ChatException e) {
      LOG.warn(
          "Could not look up Slack user {} ({}); treating them as {}",
          userId,
          e.getMessage(),
          listed ? "a listed admin" : "a member");
      return new SlackUser(userId, userId, listed);
    }
  }

  private static String name(User user, String fallback) {
    if (user == null) {
      return fallback;
    }
    if (user.getProfile() != null) {
      String display = user.getProfile().getDisplayName();
      if (display != null && !display.isBlank()) {
        return display;
      }
    }
    if (user.getRealName() != null && !user.getRealName().isBlank()) {
      return user.getRealName();
    }
    return user.getName() != null && !user.getName().isBlank() ? user.getName() : fallback;
  }
}
