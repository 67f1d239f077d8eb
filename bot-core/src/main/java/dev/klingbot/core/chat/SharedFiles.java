package dev.klingbot.core.chat;

import static java.util.Objects.requireNonNull;

import dev.klingbot.config.Secret;
import dev.klingbot.core.media.AddressGuard;
import dev.klingbot.core.media.Downloads;
import dev.klingbot.core.media.MediaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches files people shared on a chat platform (a Slack upload behind the bot token) into a
 * temporary folder, so that the core gets a local file: over https only (plain http only to the
 * loopback interface, where tests run a fake platform), from public addresses, with a size cap
 * checked before and while streaming, redirects followed and checked hop by hop, and a web page in
 * place of the file (a platform's sign-in page) refused. This is the one downloader front-ends use;
 * they keep only what is their platform's (which link, which credential, their own wording).
 *
 * <p>A credential (the {@code Authorization} header) goes only to the first link's origin (scheme,
 * host and port), on that link and on redirects back to it, never to another origin; it is never
 * logged or put in a message.
 */
public final class SharedFiles implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SharedFiles.class);

  private final Downloads downloads;
  private final OkHttpClient ownClient;
  private Path dir;
  private final AtomicLong count = new AtomicLong();

  /**
   * Fetches through {@code downloads}. Its address guard decides which addresses are allowed; in
   * production it allows public addresses only.
   */
  public SharedFiles(Downloads downloads) {
    this(downloads, null);
  }

  private SharedFiles(Downloads downloads, OkHttpClient ownClient) {
    this.downloads = requireNonNull(downloads, "downloads is null");
    this.ownClient = ownClient;
  }

  /** The temporary folder, made at the first fetch. */
  private synchronized Path dir() {
    if (dir == null) {
      try {
        dir = Files.createTempDirectory("klingbot-shared-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a folder for shared files", e);
      }
    }
    return dir;
  }

  /**
   * Fetches from public addresses only, on an HTTP client of its own, each fetch taking at most
   * {@code timeout}; see {@link #guard}.
   */
  public static SharedFiles forPlatform(String platformUrl, Duration timeout) {
    return guarded(guard(platformUrl), timeout);
  }

  /**
   * The addresses shared files may come from: public ones only, and also the host and port of
   * {@code platformUrl} (the platform's API, such as {@code https://slack.com/api}) when that is on
   * the loopback interface, where tests run a fake platform that serves its files where it answers.
   */
  public static AddressGuard guard(String platformUrl) {
    HttpUrl platform = HttpUrl.parse(requireNonNull(platformUrl, "platformUrl is null"));
    if (platform != null && AddressGuard.isLoopbackName(platform.host())) {
      return AddressGuard.publicOnly().allowing(platform);
    }
    return AddressGuard.publicOnly();
  }

  private static SharedFiles guarded(AddressGuard guard, Duration timeout) {
    // a stalled file server is given as long as the app's shared client gives Kling's
    OkHttpClient client =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(20))
            .readTimeout(Duration.ofSeconds(60))
            .build();
    return new SharedFiles(new Downloads(client, timeout, guard), client);
  }

  /**
   * Fetches {@code link} into a new file of the temporary folder; {@link #discard} it once the core
   * has its copy.
   *
   * @param name the file's name as the person gave it (for its extension)
   * @param authorization the {@code Authorization} header for the link's own origin; null for none
   * @return the local file
   * @throws SharedFileException with a sentence for the user, and the problem for the front-end
   */
  public Path fetch(String link, String name, Secret authorization, long maxBytes) {
    requireNonNull(link, "link is null");
    Path target = dir().resolve("shared-" + count.incrementAndGet() + extension(name));
    Map<String, String> headers =
        authorization == null ? Map.of() : Map.of("Authorization", authorization.reveal());
    try {
      downloads.download(link, target, maxBytes, new Downloads.Options(headers, true));
      return target;
    } catch (MediaException e) {
      deleteQuietly(target);
      SharedFileException failure = failure(e);
      LOG.warn(
          "Could not fetch the shared file {}: {} ({})",
          name,
          failure.problem(),
          e.getCause() != null ? e.getCause().toString() : e.getMessage());
      throw failure;
    } catch (RuntimeException e) {
      deleteQuietly(target);
      throw e;
    }
  }

  private static SharedFileException failure(MediaException e) {
    SharedFileException.Problem problem =
        switch (e.kind()) {
          case BAD_URL -> SharedFileException.Problem.NOT_A_LINK;
          case TOO_MANY_REDIRECTS -> SharedFileException.Problem.TOO_MANY_REDIRECTS;
          case TOO_LARGE -> SharedFileException.Problem.TOO_LARGE;
          case NOT_A_VIDEO -> SharedFileException.Problem.WEB_PAGE;
          case HTTP_ERROR -> SharedFileException.Problem.HTTP_STATUS;
          case TIMEOUT -> SharedFileException.Problem.TIMEOUT;
          case NETWORK -> SharedFileException.Problem.NETWORK;
          case INTERRUPTED -> SharedFileException.Problem.INTERRUPTED;
          default -> SharedFileException.Problem.IO_ERROR;
        };
    return new SharedFileException(
        problem, e.getMessage(), e.getCause(), e.size().orElse(-1), e.status().orElse(0));
  }

  private static String extension(String name) {
    String text = name == null ? "" : name;
    int dot = text.lastIndexOf('.');
    String ext = dot < 0 ? "" : text.substring(dot).toLowerCase(Locale.ROOT);
    return ext.matches("\\.[a-z0-9]{1,5}") ? ext : "";
  }

  /** Removes a fetched file once the core has its own copy. */
  public void discard(Path file) {
    deleteQuietly(file);
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.debug("Could not delete {}: {}", path, e.getMessage());
    }
  }

  /** Removes the temporary folder and what is left in it. */
  @Override
  public void close() {
    Path folder;
    synchronized (this) {
      folder = dir;
    }
    if (folder != null) {
      try (Stream<Path> paths = Files.walk(folder)) {
        paths.sorted(Comparator.reverseOrder()).forEach(SharedFiles::deleteQuietly);
      } catch (IOException e) {
        LOG.debug("Could not clean {}: {}", folder, e.getMessage());
      }
    }
    if (ownClient != null) {
      ownClient.connectionPool().evictAll();
    }
  }
}
