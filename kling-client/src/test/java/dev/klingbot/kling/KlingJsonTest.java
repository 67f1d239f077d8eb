package dev.klingbot.kling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class KlingJsonTest {
  private static final String CALLBACK =
      "{\"task_id\":\"t-1\",\"task_status\":\"succeed\",\"task_status_msg\":\"\","
          + "\"task_info\":{\"external_task_id\":\"job-7\"},\"created_at\":1722769557708,"
          + "\"updated_at\":1722769600000,\"task_result\":{\"videos\":[{\"id\":\"v-1\","
          + "\"session_id\":\"s1\",\"url\":\"https://cdn.example/out.mp4\",\"duration\":\"5.1\"}]},"
          + "\"new_field\":true}";

  @Test
  void parsesACallbackBody() {
    TaskInfo expected = KlingResponses.SUCCEEDED_T1;

    assertThat(KlingJson.parseTaskData(CALLBACK)).isEqualTo(expected);
    assertThat(KlingJson.parseTaskData(CALLBACK.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(expected);
    assertThat(TaskInfo.fromJson(CALLBACK)).isEqualTo(expected);
  }

  @Test
  void toleratesAnEnvelopeAroundTheCallback() {
    TaskInfo task =
        KlingJson.parseTaskData("{\"code\":0,\"request_id\":\"r\",\"data\":" + CALLBACK + "}");
    assertThat(task.taskId()).isEqualTo("t-1");
  }

  @Test
  void toleratesMissingFieldsAndUnknownStatuses() {
    TaskInfo task = KlingJson.parseTaskData("{\"task_id\":\"t\",\"task_status\":\"paused\"}");
    assertThat(task.status()).isEqualTo(TaskStatus.UNKNOWN);
    assertThat(task.createdAt()).isNull();
    assertThat(task.externalTaskId()).isNull();
    assertThat(task.videos()).isEmpty();
    assertThat(KlingJson.parseTaskData("{\"external_task_id\":\"e\"}").externalTaskId())
        .isEqualTo("e");
  }

  @Test
  void refusesBodiesThatAreNotJsonObjects() {
    for (String body : new String[] {"not json", "[1]", "", "{\"task_id\":"}) {
      KlingException e =
          catchThrowableOfType(KlingException.class, () -> KlingJson.parseTaskData(body));
      assertThat(e.errorCode()).isEqualTo(KlingErrorCode.INVALID_RESPONSE);
      assertThat(e.retryable()).isFalse();
    }
  }

  @Test
  void taskStatusParsing() {
    assertThat(TaskStatus.fromWire("submitted")).isEqualTo(TaskStatus.SUBMITTED);
    assertThat(TaskStatus.fromWire("PROCESSING")).isEqualTo(TaskStatus.PROCESSING);
    assertThat(TaskStatus.fromWire("succeed")).isEqualTo(TaskStatus.SUCCEED);
    assertThat(TaskStatus.fromWire("succeeded")).isEqualTo(TaskStatus.SUCCEED);
    assertThat(TaskStatus.fromWire("failed")).isEqualTo(TaskStatus.FAILED);
    assertThat(TaskStatus.fromWire(null)).isEqualTo(TaskStatus.UNKNOWN);
    assertThat(TaskStatus.FAILED.isFinal()).isTrue();
    assertThat(TaskStatus.PROCESSING.isFinal()).isFalse();
    assertThat(TaskStatus.UNKNOWN.isFinal()).isFalse();
  }

  @Test
  void recordsWriteSnakeCaseAndOmitNulls() throws Exception {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    assertThat(mapper.writeValueAsString(InitSelectionRequest.ofVideoUrl("https://x/v.mp4")))
        .isEqualTo("{\"video_url\":\"https://x/v.mp4\"}");
    assertThat(
            mapper.readValue(
                "{\"object_id\":2,\"rle_mask\":{\"size\":[1,1],\"counts\":\"01\"},\"extra\":1}",
                MaskEntry.class))
        .isEqualTo(new MaskEntry(2, new RleMask(List.of(1, 1), "01"), null));
  }
}
