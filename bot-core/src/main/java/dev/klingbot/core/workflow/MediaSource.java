package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A video or image the user gave: a URL the bot may fetch (Discord attachment, link), or a local
 * file (console, a Slack file the adapter downloaded with its token).
 */
public sealed interface MediaSource {
  /** A name for messages (file name or URL). */
  String displayName();

  /**
   * A fetchable URL.
   *
   * @param expiresAt when the URL stops working, if known (Discord attachment links expire)
   */
  record Url(String url, String fileName, Instant expiresAt) implements MediaSource {
    public Url {
      requireNonNull(url, "url is null");
      fileName = Texts.printable(fileName);
      if (!url.startsWith("http://") && !url.startsWith("https://")) {
        throw new IllegalArgumentException("only http and https links can be fetched");
      }
    }

    public static Url of(String url) {
      return new Url(url, null, null);
    }

    @Override
    public String displayName() {
      return fileName != null ? fileName : url;
    }
  }

  /** A local file; {@code displayName} is what the user called it. */
  record File(Path path, String name) implements MediaSource {
    public File {
      requireNonNull(path, "path is null");
      name = Texts.printable(name == null ? path.getFileName().toString() : name);
    }

    public static File of(Path path) {
      return new File(path, null);
    }

    @Override
    public String displayName() {
      return name;
    }
  }

  /** Parses what a user typed: an http(s) URL or a file path. */
  static MediaSource parse(String text) {
    String trimmed = text.strip();
    if (trimmed.startsWith("http://") || trimmed.startsWith("https://")) {
      return Url.of(trimmed);
    }
    return File.of(Path.of(trimmed));
  }
}
