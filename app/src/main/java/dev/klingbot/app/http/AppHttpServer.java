package dev.klingbot.app.http;

import static java.util.Objects.requireNonNull;

import dev.klingbot.config.HttpConfig;
import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's HTTP server (embedded Jetty): Kling callbacks, the media relay, the selection editor
 * and Slack's HTTP mode each register a route under a path prefix; the longest matching prefix
 * wins.
 *
 * <p>Built to stay up under bad clients: connections are handled without a thread while they are
 * idle, a new connection must send its request head within {@link Limits#headerTimeout()}, any
 * connection silent for {@link Limits#idleTimeout()} is closed, bodies are read without holding a
 * thread and refused with 413 past {@link Limits#maxRequestSize()}, and a route that fails gets a
 * plain 500 (details only in the log). Files are served by Jetty's {@link ResourceService}, which
 * handles ranges (416 for unsatisfiable ones).
 */
public final class AppHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AppHttpServer.class);
  private static final int MAX_THREADS = 64;
  private static final int MAX_HEADER_BYTES = 16 * 1024;

  /**
   * How long clients may take and how much they may send.
   *
   * @param headerTimeout a new connection that has not sent a whole request head by then is closed
   * @param idleTimeout a connection silent for this long is closed
   * @param maxRequestSize larger request bodies are answered 413
   */
  public record Limits(Duration headerTimeout, Duration idleTimeout, long maxRequestSize) {
    public Limits {
      requireNonNull(headerTimeout, "headerTimeout is null");
      requireNonNull(idleTimeout, "idleTimeout is null");
      if (maxRequestSize < 1 || maxRequestSize > Integer.MAX_VALUE - 1) {
        throw new IllegalArgumentException("maxRequestSize is " + maxRequestSize);
      }
    }

    public static Limits from(HttpConfig http) {
      return new Limits(http.headerTimeout(), http.idleTimeout(), http.maxRequestSize().bytes());
    }

    public static Limits defaults() {
      return from(HttpConfig.defaults());
    }
  }

  private final String host;
  private final int requestedPort;
  private final Limits limits;
  private final Map<String, Route> routes =
      new TreeMap<>((a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b));
  private final ResourceService files = new ResourceService();
  private Server server;
  private ServerConnector connector;

  public AppHttpServer(String host, int port) {
    this(host, port, Limits.defaults());
  }

  public AppHttpServer(String host, int port, Limits limits) {
    this.host = requireNonNull(host, "host is null");
    this.requestedPort = port;
    this.limits = requireNonNull(limits, "limits is null");
    files.setAcceptRanges(true);
    files.setDirAllowed(false);
    files.setEtags(true);
    files.setCacheControl("private, max-age=300");
    routes.put("/healthz", (exchange, rest) -> Responses.text(exchange, 200, "ok\n"));
  }

  /** Registers a route for every path starting with {@code prefix} (e.g. {@code /media/}). */
  public synchronized AppHttpServer route(String prefix, Route route) {
    routes.put(prefix, route);
    return this;
  }

  /**
   * Opens the listening socket without serving yet, so that the bound port (with port 0) is known
   * before the rest of the app is built; requests wait in the backlog until {@link #start()}.
   */
  public synchronized AppHttpServer listen() {
    if (connector != null) {
      return this;
    }
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4);
    threads.setName("klingbot-http");
    threads.setDaemon(true);
    Server jetty = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(MAX_HEADER_BYTES);
    http.setIdleTimeout(limits.idleTimeout().toMillis());
    ServerConnector serverConnector =
        new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
    serverConnector.setHost(host);
    serverConnector.setPort(requestedPort);
    serverConnector.setIdleTimeout(limits.idleTimeout().toMillis());
    serverConnector.setAcceptQueueSize(256);
    serverConnector.addEventListener(new HeaderTimeout(jetty, limits.headerTimeout()));
    jetty.addConnector(serverConnector);
    SizeLimitHandler sizeLimit = new SizeLimitHandler(limits.maxRequestSize(), -1);
    sizeLimit.setHandler(new Dispatch());
    jetty.setHandler(sizeLimit);
    jetty.setErrorHandler(new PlainErrors());
    jetty.setStopTimeout(2000);
    try {
      serverConnector.open();
    } catch (IOException e) {
      if (e instanceof BindException || e.getCause() instanceof BindException) {
        throw new IllegalStateException(
            "Port "
                + requestedPort
                + " on "
                + host
                + " is already in use. Stop the other program or set http.port (PORT) to a free"
                + " port.",
            e);
      }
      throw new IllegalStateException(
          "Cannot start the HTTP server on " + host + ":" + requestedPort + ": " + e.getMessage(),
          e);
    }
    server = jetty;
    connector = serverConnector;
    return this;
  }

  /** Starts serving (opening the socket first when {@link #listen()} was not called). */
  public synchronized void start() {
    listen();
    if (server.isStarted()) {
      return;
    }
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      throw new IllegalStateException(
          "Cannot start the HTTP server on " + host + ":" + requestedPort + ": " + e.getMessage(),
          e);
    }
    LOG.info("HTTP server listening on {}:{}", host, port());
  }

  /** The port actually bound (useful with port 0). */
  public synchronized int port() {
    return connector == null ? requestedPort : connector.getLocalPort();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      stopQuietly(server);
      connector.close();
      server = null;
      connector = null;
    }
  }

  private static void stopQuietly(Server jetty) {
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.debug("Stopping the HTTP server: {}", e.getMessage());
    }
  }

  private synchronized Map.Entry<String, Route> find(String path) {
    for (Map.Entry<String, Route> entry : routes.entrySet()) {
      if (path.startsWith(entry.getKey())) {
        return entry;
      }
    }
    return null;
  }

  /** Finds the route, reads the body without holding a thread, then runs the route. */
  private final class Dispatch extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      String path = request.getHttpURI().getPath();
      Map.Entry<String, Route> entry = path == null ? null : find(path);
      if (entry == null) {
        plain(response, callback, 404, "not found\n");
        return true;
      }
      String rest = path.substring(entry.getKey().length());
      boolean hasBody =
          request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
      if (!hasBody) {
        run(entry.getValue(), rest, new HttpCall(request, response, callback, null, files));
        return true;
      }
      Content.Source.asByteArrayAsync(request, (int) limits.maxRequestSize() + 1)
          .whenComplete(
              (body, failure) -> {
                try {
                  getServer()
                      .getThreadPool()
                      .execute(
                          () -> {
                            if (failure != null) {
                              bodyFailed(request, response, callback, failure);
                            } else if (body.length > limits.maxRequestSize()) {
                              plain(response, callback, 413, "the request is too large\n");
                            } else {
                              run(
                                  entry.getValue(),
                                  rest,
                                  new HttpCall(request, response, callback, body, files));
                            }
                          });
                } catch (RejectedExecutionException e) {
                  callback.failed(new HttpException.RuntimeException(503, "busy"));
                }
              });
      return true;
    }

    private void bodyFailed(
        Request request, Response response, Callback callback, Throwable failure) {
      Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
      if (failure instanceof HttpException http) {
        plain(response, callback, http.getCode(), HttpStatus.getMessage(http.getCode()) + "\n");
      } else if (cause instanceof HttpException http) {
        plain(response, callback, http.getCode(), HttpStatus.getMessage(http.getCode()) + "\n");
      } else {
        LOG.debug(
            "HTTP {} {}: reading the body failed: {}",
            request.getMethod(),
            request.getHttpURI().getPath(),
            cause.toString());
        callback.failed(cause);
      }
    }

    private void run(Route route, String rest, HttpCall call) {
      try {
        route.handle(call, rest);
        if (!call.answered()) {
          LOG.error("HTTP {} {}: the route sent no answer", call.method(), call.rawPath());
          answer(call, 500, "internal error\n");
        }
      } catch (HttpCall.TooLarge e) {
        if (!call.answered()) {
          answer(call, 413, "the request is too large\n");
        }
      } catch (IOException | RuntimeException e) {
        LOG.error("HTTP {} {} failed", call.method(), call.rawPath(), e);
        if (!call.answered()) {
          answer(call, 500, "internal error\n");
        } else {
          call.fail(e);
        }
      }
    }

    private void answer(HttpCall call, int status, String text) {
      call.setHeader("Cache-Control", "no-store");
      call.send(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void plain(Response response, Callback callback, int status, String text) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, StandardCharsets.UTF_8.encode(text), callback);
  }

  /** Jetty's own refusals (400, 408, 413, 431, ...) as one plain line, never a stack trace. */
  private static final class PlainErrors extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      int status = response.getStatus() >= 400 ? response.getStatus() : 500;
      Object code = request.getAttribute(ERROR_STATUS);
      if (code instanceof Integer integer && integer >= 400) {
        status = integer;
      }
      plain(response, callback, status, status + " " + HttpStatus.getMessage(status) + "\n");
      return true;
    }

    @Override
    public java.nio.ByteBuffer badMessageError(
        int status, String reason, org.eclipse.jetty.http.HttpFields.Mutable fields) {
      fields.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
      return StandardCharsets.UTF_8.encode(status + " " + HttpStatus.getMessage(status) + "\n");
    }
  }

  /**
   * Closes a connection that does not get a request head through in time: a client that sends one
   * header line and then nothing (or a byte now and then, which the idle timeout alone would allow)
   * cannot keep a connection for ever. A new connection must send its first request head within the
   * timeout; on a kept-alive connection, a next request head that keeps trickling in for two whole
   * periods without being complete is cut as well. Connections waiting for their answer, or sending
   * a body, are left alone (the idle timeout covers a stalled body).
   */
  private static final class HeaderTimeout implements Connection.Listener {
    private final Server server;
    private final long millis;

    HeaderTimeout(Server server, Duration timeout) {
      this.server = server;
      this.millis = timeout.toMillis();
    }

    @Override
    public void onOpened(Connection connection) {
      schedule(connection, -1, 0, 0);
    }

    private void schedule(Connection connection, long lastIn, long lastBytes, int trickling) {
      Scheduler scheduler = server.getScheduler();
      scheduler.schedule(
          () -> check(connection, lastIn, lastBytes, trickling), millis, TimeUnit.MILLISECONDS);
    }

    private void check(Connection connection, long lastIn, long lastBytes, int trickling) {
      if (!connection.getEndPoint().isOpen()) {
        return;
      }
      long in = connection.getMessagesIn();
      long bytes = connection.getBytesIn();
      boolean betweenRequests = in == connection.getMessagesOut();
      if (in == 0) {
        close(connection, "no request head");
        return;
      }
      int stillTrickling = betweenRequests && in == lastIn && bytes > lastBytes ? trickling + 1 : 0;
      if (stillTrickling >= 2) {
        close(connection, "a request head that never ends");
        return;
      }
      schedule(connection, in, bytes, stillTrickling);
    }

    private void close(Connection connection, String why) {
      LOG.debug(
          "Closing a connection from {}: {} within {} ms",
          connection.getEndPoint().getRemoteSocketAddress(),
          why,
          millis);
      connection.getEndPoint().close();
    }
  }
}
