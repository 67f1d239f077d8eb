package dev.klingbot.core.relay;

import static java.util.Objects.requireNonNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Serves local files (Slack uploads, console files, conformed videos, reference images) to Kling at
 * signed, expiring URLs under the public base URL: {@code
 * <base>/media/<path>?exp=<epoch>&sig=<hmac>}. Only files under the media folder can be served. It
 * is the default {@link MediaStore}: the folder is the store.
 */
public final class MediaRelay implements MediaStore {
  static final String PURPOSE = "media";

  private final Path root;
  private final String publicBaseUrl;
  private final UrlSigner signer;
  private final Duration ttl;
  private final Clock clock;

  /**
   * @param publicBaseUrl where the app's HTTP server is reached from outside, or {@code null} when
   *     none is configured (then no relay URL can be made)
   */
  public MediaRelay(Path root, String publicBaseUrl, UrlSigner signer, Duration ttl, Clock clock) {
    this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
    this.publicBaseUrl = publicBaseUrl;
    this.signer = requireNonNull(signer, "signer is null");
    this.ttl = requireNonNull(ttl, "ttl is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Whether relay URLs can be made (a public base URL is configured). */
  @Override
  public boolean available() {
    return publicBaseUrl != null;
  }

  /** The folder is this machine's: another bot process cannot serve it. */
  @Override
  public boolean shared() {
    return false;
  }

  /** A signed URL for a file under the media folder, or empty when no public base URL is set. */
  @Override
  public Optional<String> urlFor(Path file) {
    if (publicBaseUrl == null) {
      return Optional.empty();
    }
    Path absolute = file.toAbsolutePath().normalize();
    if (!absolute.startsWith(root)) {
      throw new IllegalArgumentException("only files under the media folder can be relayed");
    }
    String relative = root.relativize(absolute).toString().replace('\\', '/');
    Instant expires = clock.instant().plus(ttl);
    StringBuilder url = new StringBuilder(publicBaseUrl).append("/media");
    for (String segment : relative.split("/")) {
      url.append('/')
          .append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    url.append("?exp=")
        .append(expires.getEpochSecond())
        .append("&sig=")
        .append(signer.sign(PURPOSE, relative, expires));
    return Optional.of(url.toString());
  }

  /** Nothing beyond the media folder, which the janitor removes itself. */
  @Override
  public int deleteEdit(String editId) {
    return 0;
  }

  /**
   * The file a relay request asks for, when the signature is valid, unexpired and the file exists.
   *
   * @param relativePath the decoded path after {@code /media/}
   */
  public Optional<Path> resolve(String relativePath, String exp, String sig) {
    if (relativePath == null || relativePath.isEmpty()) {
      return Optional.empty();
    }
    if (!signer.verify(PURPOSE, relativePath, exp, sig, clock.instant())) {
      return Optional.empty();
    }
    Path file = root.resolve(relativePath).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(file);
  }
}
