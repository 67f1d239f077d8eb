package dev.klingbot.slack.fake;

import com.slack.api.app_backend.SlackSignature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slack's side of HTTP mode: posts events, slash commands and interactions to the app over real
 * HTTP, signed with the signing secret exactly as Slack signs them ({@code v0:timestamp:body},
 * HMAC-SHA256). The app side is a loopback HTTP server that hands each request to the bot's handler
 * the way the app's own server does.
 */
public final class SignedHttpSlack implements AutoCloseable {
  /** What the app's HTTP server would call for each request. */
  @FunctionalInterface
  public interface AppEndpoint {
    Answer handle(
        String method, String path, String query, Map<String, List<String>> headers, byte[] body);
  }

  /** An HTTP answer. */
  public record Answer(int status, Map<String, List<String>> headers, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** A request as Slack sent it, kept so that a test can replay it byte for byte. */
  public record Sent(String contentType, String timestamp, String signature, String body) {}

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  // Slack signs every delivery, retries included, when it sends it; its retries come after a
  // timeout, so two deliveries never share a timestamp. Test requests follow closer together.
  private static final AtomicLong LAST_TIMESTAMP = new AtomicLong();

  private final String secret;
  private final String path;
  private final HttpServer server;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public SignedHttpSlack(String signingSecret, String path, AppEndpoint endpoint) {
    this.secret = signingSecret;
    this.path = path;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> serve(exchange, endpoint));
    server.start();
  }

  private static void serve(HttpExchange exchange, AppEndpoint endpoint) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
      Answer answer =
          endpoint.handle(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestURI().getRawQuery(),
              headers,
              body);
      answer.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
      exchange.sendResponseHeaders(
          answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
      if (answer.body().length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer.body());
        }
      }
    }
  }

  /** Signs and posts a JSON body (Events API). */
  public Answer postJson(String body, Map<String, String> extraHeaders) {
    return post(sign("application/json", body), extraHeaders);
  }

  /** Signs and posts a form body (slash commands; interactions as {@code payload=...}). */
  public Answer postForm(String body, Map<String, String> extraHeaders) {
    return post(sign("application/x-www-form-urlencoded", body), extraHeaders);
  }

  /** Signs a request now, without sending it. */
  public Sent sign(String contentType, String body) {
    long now = Instant.now().getEpochSecond();
    String timestamp = Long.toString(LAST_TIMESTAMP.updateAndGet(last -> Math.max(now, last + 1)));
    String signature = new SlackSignature.Generator(secret).generate(timestamp, body);
    return new Sent(contentType, timestamp, signature, body);
  }

  /** Sends a signed request (again), with extra headers such as {@code X-Slack-Retry-Num}. */
  public Answer post(Sent request, Map<String, String> extraHeaders) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
            .timeout(TIMEOUT)
            .header("Content-Type", request.contentType())
            .header("X-Slack-Request-Timestamp", request.timestamp())
            .header("X-Slack-Signature", request.signature())
            .POST(HttpRequest.BodyPublishers.ofString(request.body()));
    extraHeaders.forEach(builder::header);
    try {
      HttpResponse<byte[]> response =
          client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
