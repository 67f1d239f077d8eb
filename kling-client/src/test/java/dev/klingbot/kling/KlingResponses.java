package dev.klingbot.kling;

import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;

/** Canned Kling answers for MockWebServer. */
final class KlingResponses {
  /**
   * The task of the succeeded-task answers in these tests: {@code t-1} for job {@code job-7}, one
   * result video of 5.1 s.
   */
  static final TaskInfo SUCCEEDED_T1 =
      new TaskInfo(
          "t-1",
          TaskStatus.SUCCEED,
          "",
          "s1",
          "job-7",
          Instant.ofEpochMilli(1722769557708L),
          Instant.ofEpochMilli(1722769600000L),
          List.of(new ResultVideo("v-1", "s1", "https://cdn.example/out.mp4", "5.1")));

  private KlingResponses() {}

  static MockResponse ok(String dataJson) {
    return json(
        200,
        "{\"code\":0,\"message\":\"SUCCEED\",\"request_id\":\"req-ok\",\"data\":" + dataJson + "}");
  }

  static MockResponse error(int httpStatus, int code, String message) {
    return json(
        httpStatus,
        "{\"code\":"
            + code
            + ",\"message\":\""
            + message
            + "\",\"request_id\":\"req-"
            + code
            + "\",\"data\":null}");
  }

  static MockResponse json(int httpStatus, String body) {
    return new MockResponse.Builder()
        .code(httpStatus)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  static String task(String taskId, String status, String externalTaskId) {
    return "{\"task_id\":\""
        + taskId
        + "\",\"task_status\":\""
        + status
        + "\",\"task_status_msg\":\"\",\"session_id\":\"session_abc123\","
        + "\"task_info\":{\"external_task_id\":\""
        + externalTaskId
        + "\"},\"created_at\":1722769557708,\"updated_at\":1722769557708}";
  }
}
