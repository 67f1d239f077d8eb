package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.i18n.Messages;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A video or image the user gave: a URL the bot may fetch (Discord attachment, link), a local file
 * (console, a Slack file the adapter downloaded with its token), or, for a video, the result of an
 * earlier edit (Kling opens it from its {@code video_id}: nothing is downloaded or uploaded).
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

  /**
   * The result of an earlier edit.
   *
   * @param editId the edit, or {@code null} for the edit of the thread the command came from (else
   *     the person's latest edit)
   */
  record Result(String editId) implements MediaSource {
    @Override
    public String displayName() {
      return editId == null
          ? Messages.text("edit.source.result.this")
          : Messages.text("edit.source.result.of", editId);
    }
  }

  /** An edit id as people type it ({@code K7Q2MX4A}, {@code #k7q2-mx4a}). */
  java.util.regex.Pattern EDIT_ID =
      java.util.regex.Pattern.compile("(?i)#?[2-9a-hjkmnp-z]{4}-?[2-9a-hjkmnp-z]{4}");

  /**
   * Parses what a user typed: an http(s) URL, an earlier edit's id (when no file has that name) or
   * a file path.
   */
  static MediaSource parse(String text) {
    String trimmed = text.strip();
    if (trimmed.startsWith("http://") || trimmed.startsWith("https://")) {
      return Url.of(trimmed);
    }
    if (EDIT_ID.matcher(trimmed).matches() && !java.nio.file.Files.exists(Path.of(trimmed))) {
      return new Result(trimmed);
    }
    return File.of(Path.of(trimmed));
  }
}
