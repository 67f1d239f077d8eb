package dev.klingbot.core.metrics;

import static java.util.Objects.requireNonNull;

import dev.klingbot.kling.CreateTaskRequest;
import dev.klingbot.kling.InitSelectionRequest;
import dev.klingbot.kling.InitSelectionResult;
import dev.klingbot.kling.KlingClient;
import dev.klingbot.kling.KlingException;
import dev.klingbot.kling.PreviewResult;
import dev.klingbot.kling.SelectionRequest;
import dev.klingbot.kling.SelectionResult;
import dev.klingbot.kling.TaskInfo;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link KlingClient} that times every call into {@code klingbot.kling.calls} by operation and
 * outcome ({@code ok}, or the error code of the {@link KlingException} in lower case).
 */
public final class MeteredKlingClient implements KlingClient {
  private final KlingClient kling;
  private final WorkflowMetrics metrics;

  public MeteredKlingClient(KlingClient kling, WorkflowMetrics metrics) {
    this.kling = requireNonNull(kling, "kling is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
  }

  @Override
  public InitSelectionResult initSelection(InitSelectionRequest request) {
    return timed("init_selection", () -> kling.initSelection(request));
  }

  @Override
  public SelectionResult addSelection(SelectionRequest request) {
    return timed("add_selection", () -> kling.addSelection(request));
  }

  @Override
  public SelectionResult deleteSelection(SelectionRequest request) {
    return timed("delete_selection", () -> kling.deleteSelection(request));
  }

  @Override
  public SelectionResult clearSelection(String sessionId) {
    return timed("clear_selection", () -> kling.clearSelection(sessionId));
  }

  @Override
  public PreviewResult previewSelection(String sessionId) {
    return timed("preview_selection", () -> kling.previewSelection(sessionId));
  }

  @Override
  public TaskInfo createTask(CreateTaskRequest request) {
    return timed("create_task", () -> kling.createTask(request));
  }

  @Override
  public TaskInfo queryTask(String taskId) {
    return timed("query_task", () -> kling.queryTask(taskId));
  }

  @Override
  public Optional<TaskInfo> findTaskByExternalId(String externalTaskId) {
    return timed("find_task", () -> kling.findTaskByExternalId(externalTaskId));
  }

  private <T> T timed(String operation, Supplier<T> call) {
    long start = System.nanoTime();
    String outcome = "error";
    boolean gotThrough = false;
    try {
      T result = call.get();
      outcome = "ok";
      gotThrough = true;
      return result;
    } catch (KlingException e) {
      outcome = e.errorCode().name().toLowerCase(Locale.ROOT);
      gotThrough = !e.retryable();
      throw e;
    } finally {
      metrics.klingCall(
          operation, outcome, Duration.ofNanos(System.nanoTime() - start), gotThrough);
    }
  }
}
