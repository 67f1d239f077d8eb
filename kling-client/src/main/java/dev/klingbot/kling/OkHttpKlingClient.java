package dev.klingbot.kling;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link KlingClient} over OkHttp. Build it with {@link #builder()}.
 *
 * <p><b>Paths.</b> Everything hangs off the base URL (the part before {@code /v1/...}, e.g. {@code
 * https://api-singapore.klingai.com} or a gateway's {@code https://gateway.example/kling}): {@code
 * POST {base}/v1/videos/multi-elements/init-selection}, {@code .../add-selection}, {@code
 * .../delete-selection}, {@code .../clear-selection}, {@code .../preview-selection}, {@code POST
 * {base}/v1/videos/multi-elements} (create) and {@code GET {base}/v1/videos/multi-elements/{id}}
 * (query).
 *
 * <p><b>Finding a task by external id.</b> {@link #findTaskByExternalId} sends {@code GET
 * {base}/v1/videos/multi-elements/{external_task_id}}: Kling's query endpoints take either the
 * {@code task_id} or the {@code external_task_id} as the path id ("choose one of the two query
 * methods"), and no documented endpoint takes it as a query parameter. How Kling answers an unknown
 * id is not documented: code 1203, HTTP 404, and HTTP 400 with code 1201 all mean no such task.
 *
 * <p><b>Retries.</b> Selection calls and queries are retried under the {@link KlingRetryPolicy} on
 * I/O errors and timeouts, 5xx (codes 5000-5002 or no body code) and 429 with code 1302 or 1303,
 * honouring {@code Retry-After}. A 401 with code 1003/1004 re-signs the JWT and resends once
 * (access key credentials only).
 *
 * <p><b>Create is never sent blindly twice.</b> After a failure that leaves open whether the task
 * was created (I/O error, timeout, 5xx, unreadable answer): with an {@code external_task_id} the
 * client first looks the task up by that id and answers it if found, and creates again only when
 * Kling says it does not exist (within {@code maxAttempts}); without one it does not resend and
 * throws {@link KlingErrorCode#OUTCOME_UNKNOWN}. Codes 1302/1303 (the request was refused, so no
 * task exists) are retried with backoff; once attempts run out, 1303 reaches the caller as {@link
 * KlingErrorCode#PARALLEL_TASK_LIMIT} with {@code retryable() == true}, so the caller can queue.
 * OkHttp's own silent retry on connection failure is switched off for create.
 *
 * <p><b>Stateless.</b> The client keeps nothing per session: it checks each request on its own (at
 * most 10 points in one call, coordinates within 0..1, ids present) and leaves the rules that need
 * the session's history (10 points per frame, 10 marked frames, deleting only marked points) to its
 * caller, which stores the selection, and to Kling, whose refusal comes back as a {@link
 * KlingException}.
 *
 * <p>Every response is closed; tokens and keys never appear in exceptions or logs. The envelope's
 * {@code request_id} is logged at debug and carried by every {@link KlingException}.
 */
public final class OkHttpKlingClient implements KlingClient {
  private static final Logger log = LoggerFactory.getLogger(OkHttpKlingClient.class);
  private static final String MULTI_ELEMENTS = "v1/videos/multi-elements";

  private final HttpUrl baseUrl;
  private final OkHttpClient http;
  private final OkHttpClient createHttp;
  private final KlingTransport transport;
  private final Retrier retrier;

  private OkHttpKlingClient(Builder builder, DoubleSupplier random) {
    this.baseUrl = builder.parsedBaseUrl();
    KlingCredentials credentials = requireNonNull(builder.credentials, "credentials are not set");
    TokenSource tokens = TokenSource.of(credentials, builder.clock);
    OkHttpClient base = builder.httpClient == null ? new OkHttpClient() : builder.httpClient;
    this.http =
        base.newBuilder()
            .connectTimeout(builder.connectTimeout)
            .readTimeout(builder.readTimeout)
            .writeTimeout(builder.readTimeout)
            .callTimeout(builder.callTimeout)
            .addInterceptor(new AuthInterceptor(baseUrl, tokens))
            .build();
    this.createHttp = http.newBuilder().retryOnConnectionFailure(false).build();
    this.transport = new KlingTransport(builder.clock);
    this.retrier = new Retrier(builder.retryPolicy, random);
  }

  /** Starts a builder; the base URL and the credentials are required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public InitSelectionResult initSelection(InitSelectionRequest request) {
    requireNonNull(request, "request is null");
    ApiAnswer answer = post("init-selection", url("init-selection"), request);
    checkStatus(answer, KlingErrorCode.VIDEO_REJECTED, "the video could not be recognised");
    return KlingJson.convert(answer.data(), InitSelectionResult.class);
  }

  @Override
  public SelectionResult addSelection(SelectionRequest request) {
    requireNonNull(request, "request is null");
    ApiAnswer answer = post("add-selection", url("add-selection"), request);
    checkStatus(answer, KlingErrorCode.SELECTION_REJECTED, "the selection could not be recognised");
    return KlingJson.selectionResult(answer.data());
  }

  @Override
  public SelectionResult deleteSelection(SelectionRequest request) {
    requireNonNull(request, "request is null");
    ApiAnswer answer = post("delete-selection", url("delete-selection"), request);
    checkStatus(answer, KlingErrorCode.SELECTION_REJECTED, "the selection could not be recognised");
    return KlingJson.selectionResult(answer.data());
  }

  @Override
  public SelectionResult clearSelection(String sessionId) {
    Validation.requireText(sessionId, "session_id", "pass the sessionId that initSelection gave");
    ApiAnswer answer =
        post("clear-selection", url("clear-selection"), RequestBodies.sessionOnly(sessionId));
    checkStatus(answer, KlingErrorCode.SELECTION_REJECTED, "the selection could not be cleared");
    return KlingJson.selectionResult(answer.data());
  }

  @Override
  public PreviewResult previewSelection(String sessionId) {
    Validation.requireText(sessionId, "session_id", "pass the sessionId that initSelection gave");
    ApiAnswer answer =
        post("preview-selection", url("preview-selection"), RequestBodies.sessionOnly(sessionId));
    checkStatus(answer, KlingErrorCode.SELECTION_REJECTED, "the selection could not be previewed");
    JsonNode res = answer.data().path("res");
    return res.isObject()
        ? KlingJson.convert(res, PreviewResult.class)
        : new PreviewResult(null, null, null);
  }

  @Override
  public TaskInfo createTask(CreateTaskRequest request) {
    requireNonNull(request, "request is null");
    String externalId = request.externalTaskId();
    Request create = KlingTransport.postJson(baseUrl(), RequestBodies.createTask(request));
    AtomicBoolean lookUpFirst = new AtomicBoolean();
    Predicate<KlingException> retryIf =
        failure ->
            failure.errorCode() == KlingErrorCode.RATE_LIMITED
                || failure.errorCode() == KlingErrorCode.PARALLEL_TASK_LIMIT
                || (externalId != null && lookUpFirst.get() && failure.retryable())
                || (externalId != null && failure.outcomeUnknown());
    try {
      return retrier.call(
          "create-task",
          retryIf,
          () -> {
            if (lookUpFirst.get()) {
              Optional<TaskInfo> existing = findOnce(externalId);
              if (existing.isPresent()) {
                log.info(
                    "Kling create-task for external_task_id {} had failed, but the task exists: {}",
                    externalId,
                    existing.get().taskId());
                return existing.get();
              }
              lookUpFirst.set(false);
            }
            try {
              ApiAnswer answer = transport.execute(createHttp, "create-task", create);
              return KlingJson.taskInfo(answer.data());
            } catch (KlingException e) {
              if (e.outcomeUnknown()) {
                lookUpFirst.set(true);
              }
              throw e;
            }
          });
    } catch (KlingException e) {
      if (lookUpFirst.get()) {
        throw outcomeUnknown(e, externalId);
      }
      throw e;
    }
  }

  @Override
  public TaskInfo queryTask(String taskId) {
    Validation.requireText(taskId, "task_id", "pass the taskId that createTask gave");
    HttpUrl url = baseUrl().newBuilder().addPathSegment(taskId).build();
    ApiAnswer answer =
        retrier.call(
            "query-task",
            KlingException::retryable,
            () -> transport.execute(http, "query-task", KlingTransport.get(url)));
    return KlingJson.taskInfo(answer.data());
  }

  @Override
  public Optional<TaskInfo> findTaskByExternalId(String externalTaskId) {
    Validation.requireText(
        externalTaskId, "external_task_id", "pass the externalTaskId the task was created with");
    return retrier.call("find-task", KlingException::retryable, () -> findOnce(externalTaskId));
  }

  private Optional<TaskInfo> findOnce(String externalTaskId) {
    HttpUrl url = baseUrl().newBuilder().addPathSegment(externalTaskId).build();
    try {
      ApiAnswer answer = transport.execute(http, "find-task", KlingTransport.get(url));
      return Optional.of(KlingJson.taskInfo(answer.data()));
    } catch (KlingException e) {
      if (saysNoSuchTask(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Whether a query by external id was answered "no such task". Kling does not document this
   * answer: code 1203 or HTTP 404 is the documented "not found", and an unknown {@code
   * external_task_id} has also been seen answered as HTTP 400 with code 1201 (invalid parameter:
   * the id names no task). Treating it as "not found" is safe: a create sent again with the same id
   * is either accepted or refused on its own, never run twice.
   */
  static boolean saysNoSuchTask(KlingException e) {
    return e.errorCode() == KlingErrorCode.RESOURCE_NOT_FOUND
        || e.httpStatus() == 404
        || (e.httpStatus() == 400 && e.errorCode() == KlingErrorCode.INVALID_PARAMETER);
  }

  private ApiAnswer post(String operation, HttpUrl url, Object body) {
    Request request = KlingTransport.postJson(url, body);
    return retrier.call(
        operation, KlingException::retryable, () -> transport.execute(http, operation, request));
  }

  private static void checkStatus(ApiAnswer answer, KlingErrorCode kind, String what) {
    int status = answer.data().path("status").asInt(0);
    if (status != 0) {
      throw KlingException.builder(kind, what)
          .httpStatus(answer.httpStatus())
          .code(status)
          .apiMessage(answer.message())
          .requestId(answer.requestId())
          .build();
    }
  }

  private static KlingException outcomeUnknown(KlingException last, String externalId) {
    String advice =
        externalId == null
            ? "the request had no external_task_id, so it was not sent again; set"
                + " externalTaskId so the client can check, or look for the task before creating"
                + " again"
            : "Kling did not confirm within the allowed attempts; call findTaskByExternalId(\""
                + externalId
                + "\") before creating again";
    return KlingException.builder(
            KlingErrorCode.OUTCOME_UNKNOWN,
            "Kling create-task failed and the outcome is unknown (the task may or may not exist): "
                + advice
                + "; last failure: "
                + last.getMessage())
        .httpStatus(last.httpStatus())
        .code(last.code())
        .requestId(last.requestId())
        .cause(last)
        .build();
  }

  private HttpUrl baseUrl() {
    return baseUrl.newBuilder().addPathSegments(MULTI_ELEMENTS).build();
  }

  private HttpUrl url(String action) {
    return baseUrl().newBuilder().addPathSegment(action).build();
  }

  @Override
  public String toString() {
    return "OkHttpKlingClient[" + baseUrl + "]";
  }

  /** Configures an {@link OkHttpKlingClient}. */
  public static final class Builder {
    private String baseUrl;
    private KlingCredentials credentials;
    private OkHttpClient httpClient;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private Duration callTimeout = Duration.ofSeconds(120);
    private KlingRetryPolicy retryPolicy = KlingRetryPolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /**
     * Everything before {@code /v1/...}: {@code https://api-singapore.klingai.com}, {@code
     * https://api-beijing.klingai.com} or a gateway's prefix such as {@code
     * https://gateway.example/kling}. A trailing slash is fine.
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = requireNonNull(baseUrl, "baseUrl is null");
      return this;
    }

    public Builder credentials(KlingCredentials credentials) {
      this.credentials = requireNonNull(credentials, "credentials is null");
      return this;
    }

    /** A shared client to derive from ({@code newBuilder()}), so connection pools are shared. */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = requireNonNull(httpClient, "httpClient is null");
      return this;
    }

    /** Default 10 s. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = checkTimeout(connectTimeout, "connectTimeout");
      return this;
    }

    /** Read (and write) timeout; default 60 s. */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = checkTimeout(readTimeout, "readTimeout");
      return this;
    }

    /** Timeout of one whole HTTP call (each attempt); default 120 s; zero means none. */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = checkTimeout(callTimeout, "callTimeout");
      return this;
    }

    /** Default {@link KlingRetryPolicy#defaults()}. */
    public Builder retryPolicy(KlingRetryPolicy retryPolicy) {
      this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy is null");
      return this;
    }

    /** The clock JWTs are signed with; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock is null");
      return this;
    }

    /** The source of jitter (numbers from 0 to 1); for tests. */
    Builder random(DoubleSupplier random) {
      this.random = requireNonNull(random, "random is null");
      return this;
    }

    public OkHttpKlingClient build() {
      return new OkHttpKlingClient(this, random);
    }

    HttpUrl parsedBaseUrl() {
      if (baseUrl == null) {
        throw new IllegalStateException(
            "baseUrl is not set; set it to e.g. https://api-singapore.klingai.com");
      }
      String trimmed = baseUrl.trim();
      while (trimmed.endsWith("/")) {
        trimmed = trimmed.substring(0, trimmed.length() - 1);
      }
      HttpUrl parsed = HttpUrl.parse(trimmed);
      if (parsed == null) {
        throw new IllegalArgumentException(
            "baseUrl \""
                + baseUrl
                + "\" is not an http or https URL; set it to e.g."
                + " https://api-singapore.klingai.com");
      }
      if (parsed.querySize() > 0 || parsed.fragment() != null) {
        throw new IllegalArgumentException(
            "baseUrl has a query or fragment; set only the part before /v1/...");
      }
      return parsed;
    }

    private static Duration checkTimeout(Duration timeout, String name) {
      requireNonNull(timeout, name + " is null");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException(name + " is negative; use zero (none) or more");
      }
      return timeout;
    }
  }
}
