package dev.klingbot.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.testing.TestDatabases;
import dev.klingbot.core.testing.WorkflowFixture;
import dev.klingbot.kling.Point;
import dev.klingbot.simulator.SettableClock;
import dev.klingbot.simulator.SimulatorOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Marking the element against the simulator: the hints name the user's own cells, the limits are
 * checked by the core before Kling hears of them, and the intent is stored before each Kling call.
 */
class SelectionWorkTest {
  private final Requester alice = WorkflowFixture.requester(Platform.DISCORD, "alice");
  private final SettableClock klingClock = SettableClock.atSystemTime();
  private WorkflowFixture fixture;

  private Edit start() {
    fixture =
        new WorkflowFixture(
            SimulatorOptions.builder().clock(klingClock), TestDatabases.h2(), Clock.systemUTC());
    return fixture.startSample(alice).edit();
  }

  private EditService service() {
    return fixture.workflow().service();
  }

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void theHintAfterMarkingNamesTheCellTheUserMarked() {
    Edit edit = start();

    String first = service().select(alice, edit.id(), "B2 frame:0").message().text();
    String other = service().select(alice, edit.id(), "H7 J9 frame:3").message().text();

    assertThat(first).contains("`unselect B2`").doesNotContain("C4");
    assertThat(other).contains("`unselect J9 frame:3`").doesNotContain("C4");
  }

  @Test
  void unmarkingTheLastPointLeavesNoUnselectHint() {
    Edit edit = start();
    service().select(alice, edit.id(), "E5 frame:0");

    String text = service().unselect(alice, edit.id(), "E5 frame:0").message().text();

    assertThat(text)
        .contains("Unmarked E5 on frame 0")
        .contains("Frame 0 has no marked points now")
        .doesNotContain("unselect")
        .doesNotContain("try the middle");
  }

  @Test
  void theIntentIsStoredBeforeKlingIsCalledAndTheResultAfter() {
    Edit edit = start();

    service().select(alice, edit.id(), "B2 frame:0");
    service().unselect(alice, edit.id(), "B2 frame:0");
    service().select(alice, edit.id(), "C3 frame:0");
    service().preview(alice, edit.id());
    service().clearSelection(alice, edit.id());

    assertThat(fixture.edits.events(edit.id()))
        .containsSubsequence(
            "selecting: frame 0: B2",
            "selected: frame 0: B2",
            "unselecting: frame 0: B2",
            "unselected: frame 0: B2",
            "selecting: frame 0: C3",
            "selected: frame 0: C3",
            "previewing",
            "clearing",
            "cleared");
  }

  @Test
  void whenKlingRefusesTheIntentStaysOnRecordAndNothingIsMarked() {
    Edit edit = start();
    klingClock.advance(Duration.ofHours(25));

    EditException e =
        catchThrowableOfType(
            EditException.class, () -> service().select(alice, edit.id(), "B2 frame:0"));

    assertThat(e.kind()).isEqualTo(EditException.Kind.KLING);
    List<String> events = fixture.edits.events(edit.id());
    assertThat(events).contains("selecting: frame 0: B2").doesNotContain("selected: frame 0: B2");
    assertThat(events.get(events.size() - 1)).startsWith("selection-failed");
    assertThat(fixture.selections.points(edit.id())).isEmpty();
    assertThat(fixture.edits.find(edit.id()).orElseThrow().state()).isEqualTo(EditState.SELECTING);
  }

  @Test
  void anEleventhPointOnAFrameIsRefusedBeforeKlingHearsOfIt() {
    Edit edit = start();
    service().select(alice, edit.id(), 0, points(0, 6));
    service().select(alice, edit.id(), 0, points(6, 4));
    int sent = fixture.simulator.requestCount("/add-selection");

    EditException e =
        catchThrowableOfType(
            EditException.class, () -> service().select(alice, edit.id(), 0, points(10, 1)));

    assertThat(e.kind()).isEqualTo(EditException.Kind.SELECTION);
    assertThat(e.getMessage())
        .contains("at most 10 points per frame")
        .contains("frame 0 has 10 and you added 1");
    assertThat(fixture.simulator.requestCount("/add-selection")).isEqualTo(sent);
  }

  @Test
  void anEleventhMarkedFrameIsRefusedBeforeKlingHearsOfIt() {
    Edit edit = start();
    for (int frame = 0; frame < 10; frame++) {
      service().select(alice, edit.id(), frame * 10, points(0, 1));
    }
    int sent = fixture.simulator.requestCount("/add-selection");

    EditException e =
        catchThrowableOfType(
            EditException.class, () -> service().select(alice, edit.id(), 5, points(0, 1)));

    assertThat(e.getMessage()).contains("at most 10 marked frames");
    assertThat(fixture.simulator.requestCount("/add-selection")).isEqualTo(sent);
    service().select(alice, edit.id(), 90, points(5, 1));
    assertThat(fixture.simulator.requestCount("/add-selection")).isEqualTo(sent + 1);
  }

  @Test
  void aPersonSpokenToInChineseReadsTheSelectionAnswersInChinese() {
    Edit edit = start();

    String cleared;
    EditException nothingNear;
    try (Messages.Scope zh = Messages.use(Lang.ZH)) {
      cleared = service().clearSelection(alice, edit.id()).message().text();
      nothingNear =
          catchThrowableOfType(
              EditException.class, () -> service().unselect(alice, edit.id(), "E5 frame:0"));
    }

    assertThat(cleared)
        .isEqualTo("🧹 已清除编辑 `" + edit.id() + "` 的所有标记点。除非重新标记，Kling 将仅凭提示词查找要移除的对象。");
    assertThat(nothingNear.getMessage()).isEqualTo("第 0 帧上 0.45,0.45 附近没有标记点。该帧没有标记点。");
    assertThat(cleared + nothingNear.getMessage())
        .doesNotContain("Cleared", "Kling will", "No marked point", "frame");
  }

  private static List<Point> points(int first, int count) {
    List<Point> points = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      points.add(new Point(0.05 + i * 0.08, 0.5));
    }
    return points;
  }
}
