package dev.klingbot.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingbot.kling.TaskStatus;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The typed events and task states read and write the strings rows already carry. */
class StoredNamesTest {
  @Test
  void eventsKeepTheStringsOlderRowsHave() {
    assertThat(Arrays.stream(EditEvent.values()).map(EditEvent::stored))
        .contains(
            "created",
            "session-opened",
            "init-refused",
            "conformed",
            "prompt-changed",
            "selected",
            "unselected",
            "cleared",
            "previewed",
            "submitted",
            "cancelled",
            "create-task",
            "task-created",
            "create-refused",
            "queued",
            "processing",
            "succeeded",
            "failed",
            "timed-out",
            "task-lost",
            "expired",
            "result-downloaded",
            "delivering",
            "delivery-retry",
            "delivery-failed",
            "delivered")
        .doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @EnumSource(EditEvent.class)
  void everyEventReadsBackAsItself(EditEvent event) {
    assertThat(EditEvent.fromStored(event.stored())).isEqualTo(event);
  }

  @Test
  void intentsAreTheEventsStoredBeforeASideEffect() {
    assertThat(Arrays.stream(EditEvent.values()).filter(EditEvent::isIntent))
        .containsExactlyInAnyOrder(
            EditEvent.OPENING_SESSION,
            EditEvent.SELECTING,
            EditEvent.UNSELECTING,
            EditEvent.CLEARING,
            EditEvent.PREVIEWING,
            EditEvent.CREATE_TASK,
            EditEvent.DELIVERING,
            EditEvent.COMPARING);
  }

  @Test
  void anUnknownEventIsNamedInTheError() {
    assertThatThrownBy(() -> EditEvent.fromStored("teleported"))
        .hasMessageContaining("'teleported'");
  }

  @ParameterizedTest
  @EnumSource(TaskState.class)
  void everyTaskStateReadsBackAsItself(TaskState state) {
    assertThat(TaskState.fromStored(state.stored())).isEqualTo(state);
  }

  @Test
  void klingsStatusesAndOursAreToldApart() {
    for (TaskStatus status : TaskStatus.values()) {
      assertThat(TaskState.of(status).source()).isEqualTo(TaskState.Source.KLING);
    }
    assertThat(TaskState.of(TaskStatus.SUCCEED).stored()).isEqualTo("succeed");
    assertThat(Arrays.stream(TaskState.values()).filter(s -> s.source() == TaskState.Source.BOT))
        .containsExactlyInAnyOrder(
            TaskState.QUEUED, TaskState.CREATING, TaskState.LOST, TaskState.TIMED_OUT);
  }

  @Test
  void rowsWithoutATaskStatusHaveNone() {
    assertThat(TaskState.fromStored(null)).isNull();
    assertThat(TaskState.fromStored("something-new")).isEqualTo(TaskState.UNKNOWN);
  }
}
