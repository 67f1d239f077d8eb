package dev.klingbot.slack;

import static java.util.Objects.requireNonNull;

import com.slack.api.model.File;
import dev.klingbot.config.Secret;
import dev.klingbot.core.chat.ChatException;
import dev.klingbot.core.chat.SharedFileException;
import dev.klingbot.core.chat.SharedFiles;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.workflow.EditException;
import dev.klingbot.core.workflow.EditException.Kind;
import dev.klingbot.core.workflow.MediaSource;
import dev.klingbot.core.workflow.Texts;
import java.util.Locale;
import java.util.Set;

/**
 * Files users shared in Slack. Their {@code url_private} links need the bot token, so Kling could
 * not fetch them: the core's {@link SharedFiles} fetches each one to a temporary file, with the
 * token for the link's own origin only (refused fast when Slack's {@code size} is over the limit),
 * and the core gets a {@link MediaSource.File}. What is Slack's stays here: Slack Connect
 * placeholders, which link to use, and the refusals in Slack's words.
 */
final class SlackFiles implements AutoCloseable {
  private static final String CHECK_FILE_INFO = "check_file_info";
  private static final Set<String> VIDEO_TYPES = Set.of("mp4", "mov", "m4v", "webm", "mkv");
  private static final Set<String> IMAGE_TYPES = Set.of("png", "jpg", "jpeg", "webp");

  private final SlackApi api;
  private final Secret authorization;
  private final SharedFiles shared;

  SlackFiles(SlackApi api, String botToken, SharedFiles shared) {
    this.api = requireNonNull(api, "api is null");
    this.authorization = Secret.of("Bearer " + requireNonNull(botToken, "botToken is null"));
    this.shared = requireNonNull(shared, "shared is null");
  }

  static boolean isVideo(File file) {
    return isKind(file, "video/", VIDEO_TYPES);
  }

  static boolean isImage(File file) {
    return isKind(file, "image/", IMAGE_TYPES);
  }

  private static boolean isKind(File file, String mimePrefix, Set<String> fileTypes) {
    return lower(file.getMimetype()).startsWith(mimePrefix)
        || fileTypes.contains(lower(file.getFiletype()));
  }

  /**
   * The file as Slack describes it. Files shared from another organisation (Slack Connect) arrive
   * in events as placeholders (an id and {@code file_access: check_file_info}, no name or type):
   * {@code files.info} fills them in.
   *
   * @throws EditException in plain words when Slack does not let the bot see the file
   */
  File resolve(File file) {
    if (!CHECK_FILE_INFO.equals(file.getFileAccess())) {
      return file;
    }
    try {
      File info = api.call("files.info", c -> c.filesInfo(r -> r.file(file.getId()))).getFile();
      if (info != null) {
        return info;
      }
      throw notVisible("no file");
    } catch (ChatException e) {
      throw notVisible(SlackApi.errorCode(e));
    }
  }

  private static EditException notVisible(String why) {
    return new EditException(Kind.VIDEO, Messages.text("slack.file.connect", why));
  }

  /** Refuses a file whose size Slack reports as over the limit, before anything is fetched. */
  static void precheck(File file, long maxBytes, String what) {
    checkSize(
        file.getName() != null ? Texts.printable(file.getName()) : "file",
        file.getSize() == null ? -1 : file.getSize(),
        maxBytes,
        what,
        what.equals("video") ? Kind.VIDEO : Kind.IMAGE);
  }

  /**
   * Downloads a shared file.
   *
   * @param what "video" or "image", for messages and the kind of error
   * @throws EditException in plain words when the file is too large or cannot be fetched
   */
  MediaSource.File download(File file, long maxBytes, String what) {
    String name = file.getName() != null ? Texts.printable(file.getName()) : "file";
    Kind kind = what.equals("video") ? Kind.VIDEO : Kind.IMAGE;
    checkSize(name, file.getSize() == null ? -1 : file.getSize(), maxBytes, what, kind);
    String url = privateUrl(file);
    if (url == null) {
      File info = api.call("files.info", c -> c.filesInfo(r -> r.file(file.getId()))).getFile();
      url = info == null ? null : privateUrl(info);
      if (info != null && info.getSize() != null) {
        checkSize(name, info.getSize(), maxBytes, what, kind);
      }
    }
    if (url == null) {
      throw new EditException(kind, Messages.text("slack.file.unopenable", what, name));
    }
    try {
      return new MediaSource.File(shared.fetch(url, name, authorization, maxBytes), name);
    } catch (SharedFileException e) {
      throw refusal(e, name, maxBytes, what, kind);
    }
  }

  /** A refusal of the core's downloader, said in Slack's words. */
  private static EditException refusal(
      SharedFileException e, String name, long maxBytes, String what, Kind kind) {
    return switch (e.problem()) {
      case NOT_A_LINK -> refusedLink(name, what, kind);
      case TOO_LARGE -> tooLarge(name, e.size().orElse(-1), maxBytes, what, kind);
      case WEB_PAGE -> cannotDownload(name, what, kind, Messages.text("slack.file.why.sign-in"));
      case HTTP_STATUS ->
          cannotDownload(
              name,
              what,
              kind,
              Messages.text(
                  "slack.file.why.status",
                  e.status().isPresent() ? String.valueOf(e.status().getAsInt()) : "?"));
      case TOO_MANY_REDIRECTS ->
          cannotDownload(name, what, kind, Messages.text("slack.file.why.redirects"));
      case INTERRUPTED -> new EditException(kind, Messages.text("slack.file.interrupted", name), e);
      case TIMEOUT, NETWORK, IO_ERROR ->
          new EditException(
              kind,
              Messages.text(
                  "slack.file.failed",
                  what,
                  name,
                  e.getCause() != null
                      ? e.getCause().getClass().getSimpleName()
                      : e.problem().name().toLowerCase(Locale.ROOT)),
              e);
    };
  }

  private static void checkSize(String name, long size, long maxBytes, String what, Kind kind) {
    if (size > maxBytes) {
      throw tooLarge(name, size, maxBytes, what, kind);
    }
  }

  private static EditException tooLarge(
      String name, long size, long maxBytes, String what, Kind kind) {
    return new EditException(
        kind,
        size > 0
            ? Messages.text(
                "slack.file.too-large", what, name, Texts.bytes(size), Texts.bytes(maxBytes))
            : Messages.text("slack.file.over-limit", what, name, Texts.bytes(maxBytes)));
  }

  private static EditException refusedLink(String name, String what, Kind kind) {
    return new EditException(kind, Messages.text("slack.file.bad-link", what, name));
  }

  private static EditException cannotDownload(String name, String what, Kind kind, String why) {
    return new EditException(kind, Messages.text("slack.file.cannot-download", what, name, why));
  }

  private static String privateUrl(File file) {
    if (file.getUrlPrivateDownload() != null) {
      return file.getUrlPrivateDownload();
    }
    return file.getUrlPrivate();
  }

  private static String lower(String text) {
    return text == null ? "" : text.toLowerCase(Locale.ROOT);
  }

  /** Removes a downloaded file once the core has its own copy. */
  void discard(MediaSource.File file) {
    shared.discard(file.path());
  }

  /** Removes what is left of the downloads. */
  @Override
  public void close() {
    shared.close();
  }
}
