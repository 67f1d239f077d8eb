package dev.klingbot.kling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Requests that can never work are refused with a message saying what to change. */
class RequestValidationTest {
  @StartStop private final MockWebServer server = new MockWebServer();

  @AfterEach
  void nothingWasSent() {
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void initNeedsExactlyOneOfVideoIdAndVideoUrl() {
    assertThatThrownBy(() -> new InitSelectionRequest(null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pass the URL of the video");
    assertThatThrownBy(() -> new InitSelectionRequest("id", "https://x/v.mp4"))
        .hasMessageContaining("pass only one of them");
    assertThatThrownBy(() -> InitSelectionRequest.ofVideoUrl(" "))
        .hasMessageContaining("video_url is blank");
    assertThatThrownBy(() -> InitSelectionRequest.ofVideoId(null))
        .hasMessageContaining("video_id is null");
  }

  @Test
  void pointsAreFractionsOfTheFrame() {
    assertThatThrownBy(() -> new Point(1.2, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("x is 1.2; coordinates are fractions of the frame from 0 to 1");
    assertThatThrownBy(() -> new Point(0.5, -0.01)).hasMessageStartingWith("y is -0.01;");
    assertThatThrownBy(() -> new Point(Double.NaN, 0)).hasMessageStartingWith("x is NaN;");
    assertThat(new Point(0, 1)).isEqualTo(new Point(0.0, 1.0));
  }

  @Test
  void selectionNeedsSessionFrameAndOneToTenPoints() {
    List<Point> one = List.of(new Point(0.5, 0.5));
    assertThatThrownBy(() -> new SelectionRequest(" ", 0, one))
        .hasMessageContaining("session_id is blank; pass the sessionId that initSelection gave");
    assertThatThrownBy(() -> new SelectionRequest("s", -1, one))
        .hasMessageContaining("frame_index is -1; frames are numbered from 0");
    assertThatThrownBy(() -> new SelectionRequest("s", 0, List.of()))
        .hasMessageContaining("mark at least one point");
    assertThatThrownBy(() -> new SelectionRequest("s", 0, Collections.nCopies(11, one.get(0))))
        .hasMessageContaining("points has 11 entries; Kling takes at most 10 points per frame");
    List<Point> withNull = new ArrayList<>(one);
    withNull.add(null);
    assertThatThrownBy(() -> new SelectionRequest("s", 0, withNull))
        .hasMessageContaining("points[1] is null");
  }

  @Test
  void selectionPointsAreCopied() {
    List<Point> points = new ArrayList<>(List.of(new Point(0.5, 0.5)));
    SelectionRequest request = new SelectionRequest("s", 0, points);
    points.clear();
    assertThat(request.points()).hasSize(1);
  }

  @Test
  void createNeedsASessionAnEditModeAndAPrompt() {
    assertThatThrownBy(() -> removal().sessionId(null).build())
        .hasMessageContaining("session_id is missing; call initSelection first");
    assertThatThrownBy(() -> removal().editMode(null).build())
        .hasMessageContaining("edit_mode is missing; choose ADDITION, SWAP or REMOVAL");
    assertThatThrownBy(() -> removal().prompt(" ").build())
        .hasMessageContaining("prompt is blank; describe the edit in words");
  }

  @Test
  void createChecksTheImageCountPerMode() {
    assertThatThrownBy(() -> removal().editMode(EditMode.ADDITION).build())
        .hasMessage(
            "addition takes 1 to 2 reference images but 0 were given; add 1 reference image(s)");
    assertThatThrownBy(
            () -> removal().editMode(EditMode.ADDITION).images(List.of("a", "b", "c")).build())
        .hasMessageContaining("but 3 were given; remove 1 of them");
    assertThatThrownBy(() -> removal().editMode(EditMode.SWAP).build())
        .hasMessageContaining("swap takes exactly 1 reference image but 0 were given");
    assertThatThrownBy(() -> removal().editMode(EditMode.SWAP).images(List.of("a", "b")).build())
        .hasMessageContaining("swap takes exactly 1 reference image but 2 were given");
    assertThatThrownBy(() -> removal().addImage("https://x/a.png").build())
        .hasMessage("removal takes no reference image but 1 was given; remove 1 of them");
    assertThatThrownBy(() -> removal().editMode(EditMode.SWAP).addImage(" ").build())
        .hasMessageContaining("images[0] is blank");
    assertThat(removal().editMode(EditMode.ADDITION).images(List.of("a", "b")).build().images())
        .containsExactly("a", "b");
  }

  @Test
  void createLimitsPromptsTo2500Characters() {
    String longest = "a".repeat(2500);
    assertThat(removal().prompt(longest).negativePrompt(longest).build().prompt()).hasSize(2500);
    assertThatThrownBy(() -> removal().prompt(longest + "b").build())
        .hasMessage("prompt is 2501 characters; Kling takes at most 2500, so shorten it");
    assertThatThrownBy(() -> removal().negativePrompt("x".repeat(2600)).build())
        .hasMessageContaining("negative_prompt is 2600 characters");
    String emoji = "\uD83D\uDE00".repeat(2500);
    assertThat(removal().prompt(emoji).build().prompt()).isEqualTo(emoji);
  }

  @Test
  void createChecksOptionalFields() {
    assertThatThrownBy(() -> removal().callbackUrl("ftp://x/cb").build())
        .hasMessageContaining("callback_url is not an absolute http or https URL");
    assertThatThrownBy(() -> removal().callbackUrl("/relative").build())
        .hasMessageContaining("callback_url");
    assertThatThrownBy(() -> removal().externalTaskId("").build())
        .hasMessageContaining("external_task_id is blank");
    assertThatThrownBy(() -> removal().modelName(" ").build())
        .hasMessageContaining("model_name is blank");
  }

  @Test
  void clientRefusesBlankIdsWithoutSending() {
    OkHttpKlingClient client = TestClients.bearer(server);
    assertThatThrownBy(() -> client.clearSelection(" "))
        .hasMessageContaining("session_id is blank");
    assertThatThrownBy(() -> client.previewSelection(null))
        .hasMessageContaining("session_id is missing");
    assertThatThrownBy(() -> client.queryTask(""))
        .hasMessageContaining("task_id is blank; pass the taskId that createTask gave");
    assertThatThrownBy(() -> client.findTaskByExternalId(""))
        .hasMessageContaining("external_task_id is blank");
    assertThatThrownBy(() -> client.createTask(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void builderRefusesMissingOrInvalidSettings() {
    assertThatThrownBy(
            () -> OkHttpKlingClient.builder().credentials(KlingCredentials.bearer("t")).build())
        .hasMessageContaining("baseUrl is not set");
    assertThatThrownBy(
            () ->
                OkHttpKlingClient.builder()
                    .baseUrl("not a url")
                    .credentials(KlingCredentials.bearer("t"))
                    .build())
        .hasMessageContaining("is not an http or https URL");
    assertThatThrownBy(() -> OkHttpKlingClient.builder().baseUrl("https://x").build())
        .hasMessageContaining("credentials are not set");
    assertThatThrownBy(() -> KlingCredentials.bearer(" ")).hasMessageContaining("token is blank");
    assertThatThrownBy(() -> KlingCredentials.bearer("has space")).hasMessageContaining("spaces");
    assertThatThrownBy(() -> KlingCredentials.accessKey("ak", ""))
        .hasMessageContaining("secret key is blank");
  }

  @Test
  void durationsAndModesHaveWireNames() {
    assertThat(TaskDuration.ofSeconds(10)).isEqualTo(TaskDuration.TEN);
    assertThat(TaskDuration.FIVE.wireName()).isEqualTo("5");
    assertThat(TaskDuration.TEN.seconds()).isEqualTo(10);
    assertThatThrownBy(() -> TaskDuration.ofSeconds(7)).hasMessageContaining("pick one of those");
    assertThat(TaskMode.STD.wireName()).isEqualTo("std");
    assertThat(EditMode.SWAP.wireName()).isEqualTo("swap");
    assertThat(EditMode.ADDITION.acceptsImageCount(2)).isTrue();
    assertThat(EditMode.REMOVAL.acceptsImageCount(1)).isFalse();
  }

  private static CreateTaskRequest.Builder removal() {
    return CreateTaskRequest.builder()
        .sessionId("s1")
        .editMode(EditMode.REMOVAL)
        .prompt("Delete the lamp from <<<video_1>>>");
  }
}
