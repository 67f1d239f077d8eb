package dev.klingbot.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.klingbot.app.wiring.AppOptions;
import dev.klingbot.app.wiring.HttpService;
import dev.klingbot.app.wiring.Injection;
import dev.klingbot.app.wiring.Lifecycle;
import dev.klingbot.app.wiring.Simulation;
import dev.klingbot.app.wiring.TestConfigs;
import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.relay.MediaRelay;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.core.workflow.MediaSource;
import dev.klingbot.core.workflow.StartEdit;
import dev.klingbot.simulator.SampleVideos;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded soak of one bot process's HTTP server (the whole app against the simulator, loopback
 * only): well-behaved clients fetch health, relay files with ranges and deliver callbacks, while
 * 200 slow clients hold half-open connections, others send forged, oversized and broken requests,
 * and bursts arrive every few seconds. Every well-behaved request must be answered correctly.
 *
 * <p>Runs 20 seconds in the normal build; {@code -Dklingbot.soak.seconds=120} runs it longer (at
 * most 120).
 */
class HttpSoakTest {
  private static final int SLOW_CLIENTS = 200;
  private static final Requester OWNER =
      new Requester(Platform.CONSOLE, "local", "console", null, "soak", "Soak", false, null);

  @TempDir Path dir;

  private final Map<String, LongAdder> answered = new ConcurrentHashMap<>();
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
  private final LongAdder slowOpened = new LongAdder();
  private final LongAdder slowClosedByServer = new LongAdder();

  private static Duration soakTime() {
    long seconds = Long.getLong("klingbot.soak.seconds", 20);
    return Duration.ofSeconds(Math.max(5, Math.min(120, seconds)));
  }

  @Test
  void everyWellBehavedRequestIsAnsweredUnderMixedAbuse() throws Exception {
    KlingbotConfig config = TestConfigs.inFolder(dir, "media");
    try (Lifecycle lifecycle = new Lifecycle()) {
      KlingbotConfig simulated =
          Simulation.start(config, Duration.ofSeconds(1), lifecycle).config();
      Injector injector = Injection.create(simulated, AppOptions.local(), lifecycle);
      EditService service = Injection.get(injector, EditService.class);
      AppHttpServer server = Injection.get(injector, HttpService.class).start();
      MediaRelay relay = Injection.get(injector, MediaRelay.class);
      Path clip = SampleVideos.mp4(dir.resolve("clip.mp4"), 1280, 720, 30, 5);
      Edit edit =
          service
              .start(OWNER, StartEdit.of(MediaSource.File.of(clip), "remove the orange ball"))
              .edit();
      Path relayed = Path.of(simulated.media().workDir()).resolve(edit.id()).resolve("soak.bin");
      Files.createDirectories(relayed.getParent());
      Files.write(relayed, new byte[256 * 1024]);
      String base = "http://127.0.0.1:" + server.port();
      String file = relay.urlFor(relayed).orElseThrow();
      String callback = base + "/kling/callback/" + edit.id() + "/" + edit.callbackToken();

      Duration time = soakTime();
      long deadline = System.nanoTime() + time.toNanos();
      ExecutorService workers = Executors.newFixedThreadPool(8);
      HttpClient http =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .executor(Executors.newFixedThreadPool(4))
              .build();
      List<Future<?>> jobs = new ArrayList<>();
      jobs.add(workers.submit(() -> slowClients(server.port(), deadline)));
      for (int i = 0; i < 3; i++) {
        jobs.add(workers.submit(() -> wellBehaved(http, base, file, callback, deadline)));
      }
      jobs.add(workers.submit(() -> forged(http, base, file, edit, deadline)));
      jobs.add(workers.submit(() -> broken(server.port(), deadline)));
      jobs.add(workers.submit(() -> bursts(http, base, file, deadline)));
      for (Future<?> job : jobs) {
        job.get(time.toSeconds() + 60, TimeUnit.SECONDS);
      }
      workers.shutdownNow();

      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      long p99 = sorted.isEmpty() ? 0 : sorted.get((int) (sorted.size() * 0.99));
      long max = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
      System.out.printf(
          "HTTP soak %ds: answered %s; well-behaved p99 %d ms, max %d ms; slow connections"
              + " opened %d, closed by the server %d%n",
          time.toSeconds(), answered, p99, max, slowOpened.sum(), slowClosedByServer.sum());

      // Every request of a well-behaved client was answered; each kind of traffic really ran (how
      // many depends on the machine, so no rate is asserted).
      assertThat(failures).isEmpty();
      assertThat(count("healthz")).isPositive();
      assertThat(count("relay range")).isPositive();
      assertThat(count("callback")).isPositive();
      assertThat(count("burst")).isPositive();
      assertThat(count("forged")).isPositive();
      assertThat(slowOpened.sum()).isGreaterThanOrEqualTo(SLOW_CLIENTS);
    }
  }

  private long count(String kind) {
    LongAdder adder = answered.get(kind);
    return adder == null ? 0 : adder.sum();
  }

  private void expect(HttpClient http, String kind, HttpRequest request, int status) {
    long started = System.nanoTime();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != status) {
        failures.add(kind + ": " + response.statusCode() + " instead of " + status);
      } else {
        answered.computeIfAbsent(kind, k -> new LongAdder()).increment();
      }
    } catch (IOException e) {
      failures.add(kind + ": no answer (" + e + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!kind.equals("forged")) {
      latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
  }

  private static HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
  }

  private void wellBehaved(
      HttpClient http, String base, String file, String callback, long deadline) {
    for (int i = 0; i < 100_000 && System.nanoTime() < deadline; i++) {
      expect(http, "healthz", request(base + "/healthz").build(), 200);
      expect(http, "relay range", request(file).header("Range", "bytes=1000-1999").build(), 206);
      if (i % 4 == 0) {
        expect(
            http,
            "callback",
            request(callback)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"task_status\":\"processing\"}"))
                .build(),
            200);
      }
    }
  }

  private void forged(HttpClient http, String base, String file, Edit edit, long deadline) {
    String forgedFile =
        file.replaceAll("sig=[^&]+", "sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    byte[] huge = new byte[300 * 1024];
    for (int i = 0; i < 100_000 && System.nanoTime() < deadline; i++) {
      expect(
          http,
          "forged",
          request(base + "/kling/callback/" + edit.id() + "/wrong-secret-" + i)
              .POST(HttpRequest.BodyPublishers.ofString("{}"))
              .build(),
          404);
      expect(http, "forged", request(forgedFile).build(), 403);
      expect(
          http,
          "forged",
          request(base + "/editor/" + edit.id() + "?exp=9999999999&sig=forged").build(),
          403);
      expect(
          http,
          "forged",
          request(file).header("Range", "bytes=0-99999999999999999999").build(),
          416);
      if (i % 5 == 0) {
        expect(
            http,
            "forged",
            request(base + "/kling/callback/" + edit.id() + "/x")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge))
                .build(),
            413);
      }
    }
  }

  /** Raw garbage: broken request lines and headers, each answered 400 or closed. */
  private void broken(int port, long deadline) {
    String[] garbage = {
      "GARBAGE\r\n\r\n",
      "GET /healthz HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n",
      "GET /" + "a".repeat(40_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
    };
    for (int i = 0; i < 100_000 && System.nanoTime() < deadline; i++) {
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        socket.setSoTimeout(10_000);
        socket
            .getOutputStream()
            .write(garbage[i % garbage.length].getBytes(StandardCharsets.UTF_8));
        String answer =
            new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
        if (!answer.isEmpty() && !answer.matches("HTTP/1\\.1 4\\d\\d")) {
          failures.add("broken request answered " + answer);
        }
        answered.computeIfAbsent("broken", k -> new LongAdder()).increment();
      } catch (SocketTimeoutException e) {
        failures.add("broken request: the server neither answered nor closed");
      } catch (IOException e) {
        // reset by the server: refused, as it should be
        answered.computeIfAbsent("broken", k -> new LongAdder()).increment();
      }
      pause(20);
    }
  }

  /** Every 2 seconds, 40 requests at once. */
  private void bursts(HttpClient http, String base, String file, long deadline) {
    while (System.nanoTime() < deadline) {
      List<CompletableFuture<Void>> burst = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        HttpRequest request =
            i % 2 == 0
                ? request(base + "/healthz").build()
                : request(file).header("Range", "bytes=0-65535").build();
        int status = i % 2 == 0 ? 200 : 206;
        burst.add(CompletableFuture.runAsync(() -> expect(http, "burst", request, status)));
      }
      CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).join();
      pause(2000);
    }
  }

  /** Keeps 200 connections that send part of a request head and then nothing. */
  private void slowClients(int port, long deadline) {
    List<Socket> open = new ArrayList<>();
    AtomicLong next = new AtomicLong();
    try {
      while (System.nanoTime() < deadline) {
        open.removeIf(this::closedByServer);
        while (open.size() < SLOW_CLIENTS) {
          Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
          OutputStream out = socket.getOutputStream();
          out.write(
              (next.incrementAndGet() % 2 == 0
                      ? "GET /healthz HTTP/1.1\r\nHost: x\r\n"
                      : "POST /kling/callback/x/y HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{")
                  .getBytes(StandardCharsets.US_ASCII));
          out.flush();
          open.add(socket);
          slowOpened.increment();
        }
        pause(500);
      }
    } catch (IOException e) {
      failures.add("a slow client could not connect: " + e);
    } finally {
      for (Socket socket : open) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
    }
  }

  private boolean closedByServer(Socket socket) {
    try {
      socket.setSoTimeout(1);
      InputStream in = socket.getInputStream();
      int read = in.read();
      if (read == -1) {
        slowClosedByServer.increment();
        socket.close();
        return true;
      }
      return false;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      slowClosedByServer.increment();
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      return true;
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
