package dev.klingbot.core.conversation;

import dev.klingbot.core.Requester;
import dev.klingbot.core.edit.EditIds;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Close readings offered for refused instructions, waiting for a yes. They are a convenience, not
 * state worth keeping: held in memory for 15 minutes, at most 1,000, each used once and only by the
 * person it was offered to (after a restart the person is asked to type it again).
 */
final class Suggestions {
  static final Duration LIFETIME = Duration.ofMinutes(15);
  private static final int MAX = 1000;

  private record Offer(Requester who, EditCommand command, Instant at) {}

  private final Map<String, Offer> offers =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Offer> eldest) {
          return size() > MAX;
        }
      };

  synchronized String offer(Requester who, EditCommand command, Instant now) {
    String token = EditIds.next();
    offers.put(token, new Offer(who, command, now));
    return token;
  }

  /** The offered command, if the token is the person's, open and not used yet. */
  synchronized Optional<EditCommand> take(Requester who, String token, Instant now) {
    Offer offer = offers.get(token);
    if (offer == null
        || !offer.who().userId().equals(who.userId())
        || offer.who().platform() != who.platform()
        || !offer.who().serverId().equals(who.serverId())) {
      return Optional.empty();
    }
    offers.remove(token);
    return now.isBefore(offer.at().plus(LIFETIME))
        ? Optional.of(offer.command())
        : Optional.empty();
  }
}
