package dev.klingbot.kling;

import mockwebserver3.MockResponse;

/** Canned Kling answers for MockWebServer. */
final class KlingResponses {
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
