package dev.klingbot.core.media;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Durations;
import dev.klingbot.core.i18n.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Fetches videos to local files with a size cap: over HTTP(S), streamed to disk (never held in
 * memory), refused before the body is read when the announced length is over the cap, and cut off
 * as soon as more than the cap arrives when no length is announced. The file appears at the target
 * only when it is complete. Messages are written for the user.
 *
 * <p>Links to loopback, private and link-local addresses are refused ({@link AddressGuard}),
 * checked after the name is resolved and again on every redirect, which is followed here (at most
 * {@value #MAX_REDIRECTS}) rather than inside OkHttp so each hop is checked.
 */
public final class Downloads {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
  static final int MAX_REDIRECTS = 5;
  private static final int BUFFER = 64 * 1024;

  /**
   * The status codes whose reason is said in the user's words ({@code
   * media.download.http.reason.*}).
   */
  private static final Set<Integer> REASONS =
      Set.of(400, 401, 403, 404, 405, 408, 410, 429, 500, 502, 503, 504);

  private final OkHttpClient guarded;
  private final OkHttpClient exempt;
  private final Duration timeout;
  private final AddressGuard guard;

  /** Downloads from public addresses through the shared {@code client}, 5 minutes at most each. */
  public Downloads(OkHttpClient client) {
    this(client, DEFAULT_TIMEOUT, AddressGuard.publicOnly());
  }

  /** Downloads from public addresses, each taking at most {@code timeout}. */
  public Downloads(OkHttpClient client, Duration timeout) {
    this(client, timeout, AddressGuard.publicOnly());
  }

  /**
   * Downloads through the shared {@code client}, each taking at most {@code timeout} from start to
   * end ({@code MediaConfig.downloadTimeout()}), from the addresses {@code guard} allows.
   */
  public Downloads(OkHttpClient client, Duration timeout, AddressGuard guard) {
    requireNonNull(client, "client is null");
    this.timeout = requireNonNull(timeout, "timeout is null");
    this.guard = requireNonNull(guard, "guard is null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout is " + timeout + "; it must be above zero");
    }
    OkHttpClient.Builder base =
        client.newBuilder().followRedirects(false).followSslRedirects(false);
    this.exempt = base.build();
    this.guarded =
        guard.allowsPrivate()
            ? exempt
            : base.dns(guard.dns(client.dns()))
                .addNetworkInterceptor(guard.connectedCheck())
                .build();
  }

  /**
   * Downloads {@code url} to {@code target}.
   *
   * @return the number of bytes written
   * @throws MediaException when the link is not http(s), answers with an error, leads to a web
   *     page, is larger than {@code maxBytes}, is too slow, or the connection fails
   */
  public long download(String url, Path target, long maxBytes) {
    return download(url, target, maxBytes, Options.NONE);
  }

  /**
   * How a download goes beyond the defaults: headers (a credential) sent only to the first link's
   * origin, and whether plain http is refused.
   *
   * @param originHeaders sent on every hop whose scheme, host and port are the first link's, never
   *     to another origin a redirect leads to; their values are never logged or put in a message
   * @param httpsOnly every hop must be https; plain http only to the loopback interface (a local
   *     fake in tests, which the address guard must also let through)
   */
  public record Options(Map<String, String> originHeaders, boolean httpsOnly) {
    /** No headers; http and https. */
    public static final Options NONE = new Options(Map.of(), false);

    public Options {
      originHeaders = Map.copyOf(originHeaders);
    }

    @Override
    public String toString() {
      return "Options[originHeaders=" + originHeaders.keySet() + ", httpsOnly=" + httpsOnly + "]";
    }
  }

  /**
   * Downloads {@code url} to {@code target} as {@code options} say.
   *
   * @return the number of bytes written
   * @throws MediaException when the link is not http(s) (or not https when that is required),
   *     answers with an error, leads to a web page, is larger than {@code maxBytes}, is too slow,
   *     the connection fails or the thread is interrupted
   */
  public long download(String url, Path target, long maxBytes, Options options) {
    requireNonNull(url, "url is null");
    requireNonNull(target, "target is null");
    requireNonNull(options, "options is null");
    checkCap(maxBytes);
    HttpUrl parsed = HttpUrl.parse(url.strip());
    if (parsed == null) {
      throw new MediaException(MediaProblem.BAD_URL, Messages.text("media.download.not.a.link"));
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpUrl current = parsed;
    Path temp = null;
    try {
      for (int hop = 0; ; hop++) {
        guard.checkUrl(current);
        if (options.httpsOnly()
            && !current.isHttps()
            && !AddressGuard.isLoopbackName(current.host())) {
          throw new MediaException(
              MediaProblem.BAD_URL, Messages.text("media.download.https.only"));
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new InterruptedIOException("timeout");
        }
        OkHttpClient client = guard.isExempt(current) ? exempt : guarded;
        Request.Builder request = new Request.Builder().url(current).get();
        if (sameOrigin(parsed, current)) {
          options.originHeaders().forEach(request::header);
        }
        Call call = client.newCall(request.build());
        call.timeout().timeout(left, TimeUnit.NANOSECONDS);
        try (Response response = call.execute()) {
          if (response.isRedirect()) {
            current = redirect(current, response, hop);
            continue;
          }
          if (!response.isSuccessful()) {
            throw new MediaException(
                MediaProblem.HTTP_ERROR, httpError(response), null, -1, response.code());
          }
          ResponseBody body = response.body();
          long length = body.contentLength();
          if (length > maxBytes) {
            throw tooLarge(length, maxBytes);
          }
          MediaType type = body.contentType();
          if (type != null && type.subtype().toLowerCase(Locale.ROOT).equals("html")) {
            throw new MediaException(
                MediaProblem.NOT_A_VIDEO, Messages.text("media.download.web.page"));
          }
          temp = AtomicFiles.tempFileFor(target);
          long total = copyCapped(body.byteStream(), temp, maxBytes);
          AtomicFiles.moveIntoPlace(temp, target);
          return total;
        }
      }
    } catch (InterruptedIOException e) {
      if (Thread.currentThread().isInterrupted()
          || (!(e instanceof SocketTimeoutException) && deadline - System.nanoTime() > 0)) {
        throw interrupted(e);
      }
      throw new MediaException(
          MediaProblem.TIMEOUT,
          Messages.text("media.download.timeout", Durations.words(timeout)),
          e);
    } catch (IOException e) {
      Optional<AddressGuard.Refused> refused = AddressGuard.refusedIn(e);
      if (refused.isPresent()) {
        throw new MediaException(
            MediaProblem.BAD_URL, AddressGuard.refusal(refused.get().kind()), null);
      }
      if (Thread.currentThread().isInterrupted()) {
        throw interrupted(e);
      }
      throw new MediaException(
          MediaProblem.NETWORK, Messages.text("media.download.network", current.host()), e);
    } finally {
      if (temp != null) {
        AtomicFiles.deleteQuietly(temp);
      }
    }
  }

  /** Not a timeout: the thread was interrupted (the bot is stopping); it stays interrupted. */
  private static MediaException interrupted(IOException e) {
    Thread.currentThread().interrupt();
    return new MediaException(
        MediaProblem.INTERRUPTED, Messages.text("media.download.interrupted"), e);
  }

  /** Whether two links share scheme, host and port (the origin a credential belongs to). */
  private static boolean sameOrigin(HttpUrl first, HttpUrl other) {
    return first.scheme().equals(other.scheme())
        && first.host().equals(other.host())
        && first.port() == other.port();
  }

  /** The next hop of a redirect, refused when it is not a web link or there are too many. */
  private static HttpUrl redirect(HttpUrl from, Response response, int hop) {
    String location = response.header("Location");
    HttpUrl next = location == null ? null : from.resolve(location);
    if (next == null) {
      throw new MediaException(
          MediaProblem.BAD_URL, Messages.text("media.download.redirect.not.a.link"));
    }
    if (hop + 1 > MAX_REDIRECTS) {
      throw new MediaException(
          MediaProblem.TOO_MANY_REDIRECTS,
          Messages.text("media.download.redirects", String.valueOf(MAX_REDIRECTS)));
    }
    return next;
  }

  /**
   * Copies a local file to {@code target} after checking its size against {@code maxBytes}.
   *
   * @return the number of bytes copied
   */
  public long copy(Path source, Path target, long maxBytes) {
    requireNonNull(source, "source is null");
    requireNonNull(target, "target is null");
    checkCap(maxBytes);
    if (!Files.isRegularFile(source)) {
      throw new MediaException(
          MediaProblem.FILE_NOT_FOUND,
          Messages.text("media.copy.not.found", String.valueOf(source.getFileName())));
    }
    Path temp = null;
    try {
      long size = Files.size(source);
      if (size > maxBytes) {
        throw tooLarge(size, maxBytes);
      }
      temp = AtomicFiles.tempFileFor(target);
      Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
      AtomicFiles.moveIntoPlace(temp, target);
      return size;
    } catch (IOException e) {
      throw new MediaException(
          MediaProblem.IO_ERROR,
          Messages.text("media.copy.failed", String.valueOf(source.getFileName())),
          e);
    } finally {
      if (temp != null) {
        AtomicFiles.deleteQuietly(temp);
      }
    }
  }

  private static long copyCapped(InputStream body, Path temp, long maxBytes) throws IOException {
    long total = 0;
    try (InputStream in = body;
        OutputStream out = Files.newOutputStream(temp)) {
      byte[] buffer = new byte[BUFFER];
      int read;
      while ((read = in.read(buffer)) != -1) {
        total += read;
        if (total > maxBytes) {
          throw new MediaException(
              MediaProblem.TOO_LARGE,
              Messages.text("media.download.too.large.stream", MediaText.bytes(maxBytes)));
        }
        out.write(buffer, 0, read);
      }
    }
    return total;
  }

  private static MediaException tooLarge(long size, long maxBytes) {
    return new MediaException(
        MediaProblem.TOO_LARGE,
        Messages.text("media.download.too.large", MediaText.bytes(size), MediaText.bytes(maxBytes)),
        null,
        size,
        0);
  }

  private static String httpError(Response response) {
    int code = response.code();
    String reason;
    if (REASONS.contains(code)) {
      reason = Messages.text("media.download.http.reason." + code);
    } else {
      reason =
          response.message().isBlank()
              ? Messages.text("media.download.http.reason.unknown")
              : response.message();
    }
    String advice =
        Messages.text(
            code == 401 || code == 403
                ? "media.download.http.private"
                : code == 404 || code == 410
                    ? "media.download.http.gone"
                    : code >= 500 ? "media.download.http.server" : "media.download.http.check");
    return Messages.text("media.download.http", String.valueOf(code), reason, advice);
  }

  private static void checkCap(long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes is " + maxBytes + "; it must be 1 or more");
    }
  }
}
