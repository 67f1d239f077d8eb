package dev.klingbot.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.edit.Origin;
import dev.klingbot.core.edit.Outcome;
import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.testing.Edits;
import dev.klingbot.core.testing.WorkflowFixture;
import dev.klingbot.kling.Point;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** What status and history say: the stored selection and preview, and results that still open. */
class StatusAndHistoryTest {
  /** A result link of a Kling (or simulator) that no longer answers, as after a restart. */
  private static final String GONE = "http://127.0.0.1:9/files/earlier-run.mp4";

  @AutoClose private final WorkflowFixture fixture = WorkflowFixture.quick();
  private final Requester alice = WorkflowFixture.requester(Platform.DISCORD, "alice");
  private final Requester me = WorkflowFixture.requester(Platform.CONSOLE, "me");

  private EditService service() {
    return fixture.workflow().service();
  }

  private String status(Requester who, String id) {
    return service().status(who, id).message().text();
  }

  @Test
  void statusShowsTheSelectionAndPreviewMadeOnTheSelectionPage() {
    Edit edit =
        service()
            .start(me, StartEdit.of(fixture.sampleFile(1280, 720, 30, 5), "remove the orange ball"))
            .edit();
    assertThat(status(me, edit.id())).contains("ready — mark what to remove");

    // The selection page marks and previews through these calls (no chat message is drawn).
    service().mark(me, edit.id(), 0, List.of(new Point(0.35, 0.45)));
    String marked = status(me, edit.id());
    assertThat(marked)
        .doesNotContain("mark what to remove")
        .contains("**Marked:** frame 0: D5")
        .contains("not previewed yet");

    service().preview(me, edit.id());
    String previewed = status(me, edit.id());
    assertThat(previewed).contains("previewed — submit").contains("**Marked:** frame 0: D5");

    service().mark(me, edit.id(), 12, List.of(new Point(0.55, 0.55)));
    assertThat(status(me, edit.id()))
        .contains("**Marked:** frame 0: D5; frame 12: F6")
        .contains("changed since the preview");
  }

  /** A finished edit whose result file the bot keeps and whose Kling link no longer answers. */
  /** Where the console user {@code me} starts edits (no thread). */
  private static final Origin ON_THE_CONSOLE =
      new Origin(Platform.CONSOLE, "guild-1", "channel-1", null, "me", "me");

  private Edit finished(String id, Origin origin, boolean fileKept, Instant finishedAt)
      throws Exception {
    Path result = fixture.workDir.resolve("media").resolve(id).resolve("result-" + id + ".mp4");
    Files.createDirectories(result.getParent());
    Files.write(result, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});
    if (!fileKept) {
      Files.delete(result);
    }
    Edit edit =
        Edits.inState(Edits.removal(id, finishedAt.minusSeconds(60)), EditState.SUCCEEDED)
            .withOrigin(origin)
            .withOutcome(
                Outcome.none()
                    .succeeded(GONE, finishedAt)
                    .withResultFile(result.toString())
                    .deliveryStarted(finishedAt)
                    .delivered(finishedAt));
    return fixture.edits.insert(edit, "test");
  }

  @Test
  void aChatShowsARelayLinkTheBotServesInsteadOfADeadKlingLink() throws Exception {
    Edit edit =
        finished(
            "RESULT01",
            new Origin(Platform.DISCORD, "guild-1", "channel-1", "thread-1", "alice", "alice"),
            true,
            Instant.now().minus(Duration.ofHours(2)));

    String status = status(alice, edit.id());
    String history = service().history(alice, 10).message().text();

    assertThat(status).doesNotContain(GONE);
    assertThat(history).doesNotContain(GONE);
    Matcher link = Pattern.compile("\\*\\*Result:\\*\\* (\\S+)").matcher(status);
    assertThat(link.find()).as(status).isTrue();
    try (Response response =
        fixture.http.newCall(new Request.Builder().url(link.group(1)).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().bytes()).hasSize(8);
    }
    assertThat(history).contains(fixture.settings().publicBaseUrl() + "/media/RESULT01/");
  }

  @Test
  void theConsoleShowsTheKeptFileAndNothingOnceResultsAreGone() throws Exception {
    Edit kept =
        finished("RESULT02", ON_THE_CONSOLE, true, Instant.now().minus(Duration.ofHours(2)));
    Edit gone =
        finished("RESULT03", ON_THE_CONSOLE, false, Instant.now().minus(Duration.ofDays(40)));

    assertThat(status(me, kept.id()))
        .contains("**Result:** " + Path.of(kept.outcome().resultFile()).toAbsolutePath())
        .doesNotContain(GONE);
    assertThat(status(me, gone.id()))
        .doesNotContain(GONE)
        .contains("**Result:** no longer available");
    String history = service().history(me, 10).message().text();
    assertThat(history).doesNotContain(GONE).contains("result-RESULT02.mp4");
  }

  @Test
  void aChineseSpeakerReadsStatusAndHistoryInChinese() throws Exception {
    Edit gone =
        finished("RESULT04", ON_THE_CONSOLE, false, Instant.now().minus(Duration.ofDays(40)));

    try (Messages.Scope zh = Messages.use(Lang.ZH)) {
      assertThat(status(me, gone.id()))
          .startsWith("🎬 **编辑 `RESULT04`** — ")
          .contains("**状态：** 已完成\n")
          .contains("**模式：** 移除 · std · 生成 5 秒 · 消耗 ")
          .contains("**发起人：** me，40 天前")
          .contains("**结果：** 链接已失效（Kling 大约 30 天后会删除结果）")
          .doesNotContain("**State:**", "**Result:**", "Started by", " ago");
      assertThat(service().history(me, 10).message().text())
          .startsWith("🗂️ **你最近的编辑**\n- `RESULT04` · 已成功 · ")
          .endsWith(" · 40 天前");
    }
  }
}
