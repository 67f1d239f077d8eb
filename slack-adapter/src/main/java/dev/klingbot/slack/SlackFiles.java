package dev.klingbot.slack;

import static java.util.Objects.requireNonNull;

import com.slack.api.model.File;
import dev.klingbot.core.chat.ChatException;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.workflow.EditException;
import dev.klingbot.core.workflow.EditException.Kind;
import dev.klingbot.core.workflow.MediaSource;
import dev.klingbot.core.workflow.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads files users shared in Slack. Their {@code url_private} links need the bot token, so
 * Kling could not fetch them: the bot streams each one to a temporary file (refusing fast when
 * Slack's {@code size} is over the limit, and stopping when the stream passes it) and hands the
 * core a {@link MediaSource.File}. The token is only sent to the file's own host.
 */
final class SlackFiles implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SlackFiles.class);
  private static final int MAX_REDIRECTS = 3;
  private static final String CHECK_FILE_INFO = "check_file_info";
  private static final Set<String> VIDEO_TYPES = Set.of("mp4", "mov", "m4v", "webm", "mkv");
  private static final Set<String> IMAGE_TYPES = Set.of("png", "jpg", "jpeg", "webp");

  private final SlackApi api;
  private final String botToken;
  private final HttpClient http;
  private final Duration timeout;
  private final Path dir;

  SlackFiles(SlackApi api, String botToken, HttpClient http, Duration timeout) {
    this.api = requireNonNull(api, "api is null");
    this.botToken = requireNonNull(botToken, "botToken is null");
    this.http = requireNonNull(http, "http is null");
    this.timeout = requireNonNull(timeout, "timeout is null");
    try {
      this.dir = Files.createTempDirectory("klingbot-slack-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a folder for Slack downloads", e);
    }
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
    String id = String.valueOf(file.getId()).replaceAll("[^A-Za-z0-9]", "");
    Path target = dir.resolve(id + "-" + System.nanoTime() + extension(name));
    try {
      fetch(link(url, name, what, kind), target, maxBytes, name, what, kind);
    } catch (RuntimeException e) {
      deleteQuietly(target);
      throw e;
    }
    return new MediaSource.File(target, name);
  }

  private void fetch(URI url, Path target, long maxBytes, String name, String what, Kind kind) {
    String host = url.getHost();
    URI current = url;
    try {
      for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
        requireWebLink(current, name, what, kind);
        HttpRequest.Builder request = HttpRequest.newBuilder(current).timeout(timeout).GET();
        if (host != null
            && host.equalsIgnoreCase(current.getHost())
            && url.getScheme().equalsIgnoreCase(current.getScheme())) {
          request.header("Authorization", "Bearer " + botToken);
        }
        HttpResponse<InputStream> response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        int status = response.statusCode();
        if (status >= 300
            && status < 400
            && response.headers().firstValue("Location").isPresent()) {
          response.body().close();
          current = current.resolve(response.headers().firstValue("Location").get());
          continue;
        }
        try (InputStream body = response.body()) {
          if (status != 200) {
            throw cannotDownload(
                name, what, kind, Messages.text("slack.file.why.status", String.valueOf(status)));
          }
          String type = response.headers().firstValue("Content-Type").orElse("");
          if (type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            throw cannotDownload(name, what, kind, Messages.text("slack.file.why.sign-in"));
          }
          long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
          checkSize(name, length, maxBytes, what, kind);
          copy(body, target, maxBytes, name, what, kind);
          return;
        }
      }
      throw cannotDownload(name, what, kind, Messages.text("slack.file.why.redirects"));
    } catch (IOException e) {
      LOG.warn("Downloading Slack file {} failed: {}", name, e.toString());
      throw new EditException(
          kind, Messages.text("slack.file.failed", what, name, e.getClass().getSimpleName()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EditException(kind, Messages.text("slack.file.interrupted", name), e);
    }
  }

  private static void copy(
      InputStream body, Path target, long maxBytes, String name, String what, Kind kind)
      throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(target)) {
      int read;
      while ((read = body.read(buffer)) >= 0) {
        total += read;
        if (total > maxBytes) {
          throw tooLarge(name, -1, maxBytes, what, kind);
        }
        out.write(buffer, 0, read);
      }
    }
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

  /** A file link as Slack gives it; anything that is no web address is refused in a sentence. */
  private static URI link(String url, String name, String what, Kind kind) {
    try {
      return new URI(url);
    } catch (java.net.URISyntaxException e) {
      throw refusedLink(name, what, kind);
    }
  }

  /**
   * Slack's file links are https; plain http only on the loopback interface, where the tests' fake
   * Slack runs. {@code file:}, {@code ftp:} and the like, also as a redirect, are never opened.
   */
  private static void requireWebLink(URI link, String name, String what, Kind kind) {
    String scheme = link.getScheme() == null ? "" : link.getScheme().toLowerCase(Locale.ROOT);
    String host = link.getHost() == null ? "" : link.getHost();
    boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    if (!(scheme.equals("https") || (scheme.equals("http") && loopback)) || host.isEmpty()) {
      LOG.warn("Refused a Slack file link for {} with scheme {}", Texts.printable(name), scheme);
      throw refusedLink(name, what, kind);
    }
  }

  private static EditException refusedLink(String name, String what, Kind kind) {
    return new EditException(kind, Messages.text("slack.file.bad-link", what, name));
  }

  private static EditException cannotDownload(String name, String what, Kind kind, String why) {
    LOG.warn("Cannot download Slack file {}: {}", name, why);
    return new EditException(kind, Messages.text("slack.file.cannot-download", what, name, why));
  }

  private static String privateUrl(File file) {
    if (file.getUrlPrivateDownload() != null) {
      return file.getUrlPrivateDownload();
    }
    return file.getUrlPrivate();
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    return ext.matches("\\.[a-z0-9]{1,5}") ? ext : "";
  }

  private static String lower(String text) {
    return text == null ? "" : text.toLowerCase(Locale.ROOT);
  }

  /** Removes a downloaded file once the core has its own copy. */
  void discard(MediaSource.File file) {
    deleteQuietly(file.path());
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.debug("Could not delete {}: {}", path, e.getMessage());
    }
  }

  @Override
  public void close() {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(SlackFiles::deleteQuietly);
    } catch (IOException e) {
      LOG.debug("Could not clean {}: {}", dir, e.getMessage());
    }
  }
}
