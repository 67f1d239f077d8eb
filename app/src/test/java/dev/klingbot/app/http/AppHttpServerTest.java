package dev.klingbot.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP server itself over real sockets: slow and half-open clients do not take it offline,
 * oversized bodies get 413, failing routes get a real 500, silly ranges get 416.
 */
class AppHttpServerTest {
  @TempDir Path dir;

  private AppHttpServer server;
  private String base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Socket> sockets = new ArrayList<>();
  private final CountDownLatch slowRoute = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    Path file = dir.resolve("clip.mp4");
    byte[] content = new byte[10_000];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) i;
    }
    Files.write(file, content);
    server =
        new AppHttpServer(
            "127.0.0.1",
            0,
            new AppHttpServer.Limits(Duration.ofSeconds(2), Duration.ofSeconds(20), 4096));
    server.route(
        "/echo",
        (exchange, rest) ->
            Responses.text(
                exchange,
                200,
                "got "
                    + Responses.body(exchange, 4096).length
                    + " bytes via "
                    + exchange.method()));
    server.route(
        "/small",
        (exchange, rest) ->
            Responses.text(exchange, 200, "got " + Responses.body(exchange, 100).length));
    server.route(
        "/boom",
        (exchange, rest) -> {
          throw new IllegalStateException("a bug in a route, with a secret detail");
        });
    server.route("/file", (exchange, rest) -> Responses.file(exchange, file, "video/mp4"));
    server.route(
        "/slow",
        (exchange, rest) -> {
          try {
            slowRoute.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          Responses.text(exchange, 200, "finally");
        });
    server.start();
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterEach
  void stop() {
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    server.close();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, byte[] body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(5))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A client that sends one header line and then nothing. */
  private Socket halfOpen(String firstLines) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
    sockets.add(socket);
    OutputStream out = socket.getOutputStream();
    out.write(firstLines.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  @Test
  void twoHundredHalfOpenConnectionsDoNotStopOtherRequests() throws Exception {
    for (int i = 0; i < 200; i++) {
      halfOpen(
          i % 2 == 0
              ? "GET /healthz HTTP/1.1\r\nHost: x\r\n"
              : "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nabc");
    }

    for (int i = 0; i < 20; i++) {
      assertThat(get("/healthz").statusCode()).isEqualTo(200);
      HttpResponse<String> echo = post("/echo", new byte[10]);
      assertThat(echo.statusCode()).isEqualTo(200);
      assertThat(echo.body()).isEqualTo("got 10 bytes via POST");
    }
  }

  @Test
  void aConnectionThatNeverFinishesItsRequestHeadIsClosed() throws Exception {
    Socket socket = halfOpen("GET /healthz HTTP/1.1\r\nHost: x\r\n");
    socket.setSoTimeout(10_000);
    InputStream in = socket.getInputStream();
    long started = System.nanoTime();

    int read;
    try {
      read = in.read();
    } catch (SocketTimeoutException e) {
      read = -2;
    } catch (IOException e) {
      read = -1; // reset by the server: closed too
    }

    assertThat(read).as("the server closed the connection").isEqualTo(-1);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void aRouteSlowerThanTheHeaderTimeoutStillAnswers() throws Exception {
    CompletableFuture<HttpResponse<String>> answer =
        http.sendAsync(
            HttpRequest.newBuilder(URI.create(base + "/slow"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    // let the 2 s header timeout pass while the route works
    Thread.sleep(3000);
    slowRoute.countDown();

    assertThat(answer.get(10, TimeUnit.SECONDS).body()).isEqualTo("finally");
  }

  @Test
  void aBodyThatArrivesSlowlyButSteadilyIsStillRead() throws Exception {
    Socket socket =
        halfOpen(
            "POST /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 10\r\n\r\n"
                + "12345");
    socket.setSoTimeout(10_000);
    Thread.sleep(3000); // past the 2 s header timeout: the head was whole, so it does not apply
    socket.getOutputStream().write("67890".getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();

    String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(answer).startsWith("HTTP/1.1 200").endsWith("got 10 bytes via POST");
  }

  @Test
  void aKeptAliveConnectionTricklingItsNextRequestHeadIsClosed() throws Exception {
    Socket socket = halfOpen("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    socket.setSoTimeout(10_000);
    InputStream in = socket.getInputStream();
    byte[] first = new byte[200];
    int got = in.read(first);
    assertThat(new String(first, 0, got, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
    long started = System.nanoTime();
    OutputStream out = socket.getOutputStream();
    boolean closed = false;
    try {
      // one byte of the next head every 200 ms: never silent long enough for the idle timeout
      for (int i = 0; i < 60 && !closed; i++) {
        out.write('X');
        out.flush();
        Thread.sleep(200);
        socket.setSoTimeout(1);
        try {
          closed = in.read() == -1;
        } catch (SocketTimeoutException e) {
          closed = false;
        }
      }
    } catch (IOException e) {
      closed = true; // the write failed: the server closed the connection
    }

    assertThat(closed).as("the server closed the trickling connection").isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aBodyOverTheLimitIsAnswered413() throws Exception {
    HttpResponse<String> tooLarge = post("/echo", new byte[5000]);
    HttpResponse<String> overRouteLimit = post("/small", new byte[200]);
    // a chunked body of unknown length: one chunk past the limit, then the answer is read (a client
    // that kept writing could see the connection closed before it read the 413)
    Socket chunked =
        halfOpen(
            "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(5000)
                + "\r\n"
                + "a".repeat(5000)
                + "\r\n");
    chunked.setSoTimeout(10_000);
    byte[] head = new byte[12];
    int read = chunked.getInputStream().readNBytes(head, 0, head.length);

    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(overRouteLimit.statusCode()).isEqualTo(413);
    assertThat(new String(head, 0, read, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 413");
    assertThat(post("/small", new byte[50]).body()).isEqualTo("got 50");
  }

  @Test
  void aFailingRouteAnswers500WithoutDetails() throws Exception {
    HttpResponse<String> boom = get("/boom");

    assertThat(boom.statusCode()).isEqualTo(500);
    assertThat(boom.body()).isEqualTo("internal error\n").doesNotContain("secret");
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void rangesAreServedAndAbsurdOnesAnswered416() throws Exception {
    HttpResponse<String> part = get("/file", "Range", "bytes=100-199");
    HttpResponse<String> huge = get("/file", "Range", "bytes=0-99999999999999999999");
    HttpResponse<String> beyond = get("/file", "Range", "bytes=20000-");

    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.headers().firstValue("Content-Range")).contains("bytes 100-199/10000");
    assertThat(huge.statusCode()).isEqualTo(416);
    assertThat(beyond.statusCode()).isEqualTo(416);
    assertThat(get("/file").statusCode()).isEqualTo(200);
  }

  @Test
  void unknownPathsAndBadRequestsGetPlainAnswers() throws Exception {
    HttpResponse<String> missing = get("/nothing-here");
    Socket socket = halfOpen("GET /healthz HTTP/1.1\r\nHost: x\r\nBroken header line\r\n\r\n");
    socket.setSoTimeout(5000);
    String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo("not found\n");
    assertThat(answer).startsWith("HTTP/1.1 400").doesNotContain("at org.eclipse");
  }
}
