package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs a task's {@code data} object (no envelope) to its {@code callback_url}, one delivery at a
 * time in order, with a short timeout. Failures are logged, never retried (Kling documents no
 * retries).
 */
final class CallbackSender {
  private static final Logger LOG = LoggerFactory.getLogger(CallbackSender.class);

  private final HttpClient client;
  private final Duration timeout;
  private final Optional<WebhookSigner> signer;
  private final ExecutorService executor;

  CallbackSender(
      HttpClient client,
      Duration timeout,
      Optional<WebhookSigner> signer,
      ExecutorService executor) {
    this.client = requireNonNull(client, "client is null");
    this.timeout = requireNonNull(timeout, "timeout is null");
    this.signer = requireNonNull(signer, "signer is null");
    this.executor = requireNonNull(executor, "executor is null");
  }

  /** Queues a delivery of {@code task}'s state, if it has a callback URL. */
  void send(TaskSnapshot task) {
    if (task.callbackUrl().isEmpty()) {
      return;
    }
    String url = task.callbackUrl().get();
    byte[] body = Json.bytes(TaskJson.data(task));
    try {
      executor.execute(() -> deliver(url, task.taskId(), task.status(), body));
    } catch (RejectedExecutionException e) {
      LOG.debug("simulator closing; callback for task {} dropped", task.taskId());
    }
  }

  private void deliver(String url, String taskId, String status, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    signer.ifPresent(s -> s.headers(body).forEach(request::header));
    try {
      HttpResponse<Void> response =
          client.send(request.build(), HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 != 2) {
        LOG.warn(
            "callback for task {} ({}) answered HTTP {}", taskId, status, response.statusCode());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("callback for task {} ({}) failed: {}", taskId, status, e.toString());
    }
  }
}
