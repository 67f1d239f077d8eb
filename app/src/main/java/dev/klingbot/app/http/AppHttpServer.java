package dev.klingbot.app.http;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's HTTP server (the JDK's built-in one): Kling callbacks, the media relay, the selection
 * editor and Slack's HTTP mode each register a route under a path prefix. The longest matching
 * prefix wins. Unexpected failures answer 500 without details.
 */
public final class AppHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AppHttpServer.class);

  private final String host;
  private final int requestedPort;
  private final Map<String, Route> routes =
      new TreeMap<>((a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b));
  private HttpServer server;
  private ExecutorService executor;

  public AppHttpServer(String host, int port) {
    this.host = requireNonNull(host, "host is null");
    this.requestedPort = port;
    routes.put("/healthz", (exchange, rest) -> Responses.text(exchange, 200, "ok\n"));
  }

  /** Registers a route for every path starting with {@code prefix} (e.g. {@code /media/}). */
  public synchronized AppHttpServer route(String prefix, Route route) {
    routes.put(prefix, route);
    return this;
  }

  public synchronized void start() {
    if (server != null) {
      return;
    }
    try {
      server = HttpServer.create(new InetSocketAddress(host, requestedPort), 64);
    } catch (BindException e) {
      throw new IllegalStateException(
          "Port "
              + requestedPort
              + " on "
              + host
              + " is already in use. Stop the other program or set http.port (PORT) to a free port.",
          e);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot start the HTTP server on " + host + ":" + requestedPort + ": " + e.getMessage(),
          e);
    }
    executor =
        Executors.newFixedThreadPool(
            16,
            runnable -> {
              Thread thread = new Thread(runnable, "klingbot-http");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/", this::dispatch);
    server.start();
    LOG.info("HTTP server listening on {}:{}", host, port());
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return server == null ? requestedPort : server.getAddress().getPort();
  }

  private void dispatch(HttpExchange exchange) {
    String path = exchange.getRequestURI().getRawPath();
    try (exchange) {
      Route route = null;
      String rest = null;
      synchronized (this) {
        for (Map.Entry<String, Route> entry : routes.entrySet()) {
          if (path.equals(entry.getKey()) || path.startsWith(entry.getKey())) {
            route = entry.getValue();
            rest = path.substring(Math.min(path.length(), entry.getKey().length()));
            break;
          }
        }
      }
      if (route == null) {
        Responses.text(exchange, 404, "not found\n");
        return;
      }
      route.handle(exchange, rest);
    } catch (IOException e) {
      LOG.debug("HTTP {} {} failed: {}", exchange.getRequestMethod(), path, e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("HTTP {} {} failed", exchange.getRequestMethod(), path, e);
      try {
        Responses.text(exchange, 500, "internal error\n");
      } catch (IOException | RuntimeException ignored) {
        // the answer may have started already
      }
    }
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      try {
        executor.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      server = null;
    }
  }
}
