package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Platform;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.relay.MediaStore;
import dev.klingbot.core.relay.MediaStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the result of a finished edit can still be had, for status and history. Kling's result link
 * stops working (Kling deletes results after about 30 days; a simulator's link dies with its run),
 * so the file the bot downloaded comes first: its path in a terminal on the bot's machine, a relay
 * link the bot serves on a chat platform. With a shared store (a bucket) the store's presigned link
 * is given on every platform, also by a bot process that does not hold the file. Kling's link is
 * shown only while Kling keeps results and the bot has no copy.
 */
final class ResultLinks {
  private static final Logger LOG = LoggerFactory.getLogger(ResultLinks.class);

  /** How long Kling keeps a result (kling-api.md: "Results are deleted after about 30 days"). */
  static final Duration KLING_KEEPS_RESULTS = Duration.ofDays(30);

  private final MediaStore relay;
  private final Clock clock;

  ResultLinks(MediaStore relay, Clock clock) {
    this.relay = requireNonNull(relay, "relay is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** What to show as the result; empty when the edit has none or it is no longer kept. */
  Optional<String> of(Edit edit) {
    String kept = edit.outcome().resultFile();
    Optional<String> stored =
        kept != null && relay.shared() ? stored(Path.of(kept)) : Optional.empty();
    if (stored.isPresent()) {
      return stored;
    }
    if (kept != null && Files.isRegularFile(Path.of(kept))) {
      Path file = Path.of(kept);
      if (onThisMachine(edit.origin().platform())) {
        return Optional.of(display(file));
      }
      try {
        Optional<String> relayed = relay.shared() ? Optional.empty() : relay.urlFor(file);
        if (relayed.isPresent()) {
          return relayed;
        }
      } catch (IllegalArgumentException outsideTheMediaFolder) {
        // falls through to Kling's link
      }
    }
    String url = edit.outcome().resultUrl();
    if (url == null || edit.outcome().finishedAt() == null) {
      return Optional.empty();
    }
    boolean klingKeepsIt =
        clock.instant().isBefore(edit.outcome().finishedAt().plus(KLING_KEEPS_RESULTS));
    return klingKeepsIt ? Optional.of(url) : Optional.empty();
  }

  /** The shared store's link to a kept result, empty when the store no longer has it. */
  private Optional<String> stored(Path file) {
    try {
      return relay.urlFor(file);
    } catch (IllegalArgumentException outsideTheMediaFolder) {
      return Optional.empty();
    } catch (MediaStoreException unreachable) {
      LOG.warn("No link to the result {}: {}", file.getFileName(), unreachable.getMessage());
      return Optional.empty();
    }
  }

  /** Whether the edit ended with a result that is no longer kept anywhere. */
  boolean gone(Edit edit) {
    return edit.outcome().resultUrl() != null && of(edit).isEmpty();
  }

  /** The console and the one-shot command run where the files are: their path is the link. */
  private static boolean onThisMachine(Platform platform) {
    return platform == Platform.CONSOLE || platform == Platform.CLI;
  }

  private static String display(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path here = Path.of("").toAbsolutePath();
    return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
  }
}
