package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** Fetches http(s) URLs with a size cap, as Kling fetches videos and reference images. */
final class Downloader {
  /** Why a download failed. */
  static final class DownloadException extends IOException {
    private final boolean tooLarge;

    DownloadException(String message, boolean tooLarge) {
      super(message);
      this.tooLarge = tooLarge;
    }

    boolean tooLarge() {
      return tooLarge;
    }
  }

  private final HttpClient client;

  Downloader(HttpClient client) {
    this.client = requireNonNull(client, "client is null");
  }

  static HttpClient newClient() {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /** Whether {@code url} is an absolute http or https URL. */
  static boolean isHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }

  /** Why {@code uri} could not be fetched, in words (a JDK exception's message is often null). */
  static String cannotConnect(URI uri, IOException e) {
    String where = uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    String reason;
    if (e instanceof java.net.http.HttpConnectTimeoutException
        || e instanceof java.net.http.HttpTimeoutException) {
      reason = "no answer in time";
    } else if (e instanceof java.net.ConnectException) {
      reason = "connection refused or host unreachable";
    } else if (e instanceof java.net.UnknownHostException
        || e.getCause() instanceof java.net.UnknownHostException) {
      reason = "unknown host";
    } else if (e.getMessage() != null && !e.getMessage().isBlank()) {
      reason = e.getMessage();
    } else {
      reason = e.getClass().getSimpleName();
    }
    return "cannot connect to " + where + " (" + reason + ")";
  }

  /** Downloads {@code url} into {@code target}; at most {@code maxBytes}. */
  void download(String url, Path target, long maxBytes) throws DownloadException {
    try (OutputStream out = Files.newOutputStream(target)) {
      copy(url, out, maxBytes);
    } catch (DownloadException e) {
      throw e;
    } catch (IOException e) {
      throw new DownloadException("cannot write download: " + e.getMessage(), false);
    }
  }

  /** Downloads {@code url} into memory; at most {@code maxBytes}. */
  byte[] fetch(String url, long maxBytes) throws DownloadException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    copy(url, out, maxBytes);
    return out.toByteArray();
  }

  private void copy(String url, OutputStream out, long maxBytes) throws DownloadException {
    if (!isHttpUrl(url)) {
      throw new DownloadException("not an http(s) URL", false);
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new DownloadException(cannotConnect(request.uri(), e), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DownloadException("interrupted", false);
    }
    try (InputStream in = response.body()) {
      if (response.statusCode() / 100 != 2) {
        throw new DownloadException("server answered HTTP " + response.statusCode(), false);
      }
      long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (declared > maxBytes) {
        throw new DownloadException("file is larger than " + maxBytes + " bytes", true);
      }
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int read;
      while ((read = in.read(buffer)) >= 0) {
        total += read;
        if (total > maxBytes) {
          throw new DownloadException("file is larger than " + maxBytes + " bytes", true);
        }
        out.write(buffer, 0, read);
      }
    } catch (DownloadException e) {
      throw e;
    } catch (IOException e) {
      throw new DownloadException("download broke off: " + e.getMessage(), false);
    }
  }
}
