package dev.klingbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.admin.AdminService;
import dev.klingbot.core.chat.ChatFile;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.Origin;
import dev.klingbot.core.testing.Edits;
import dev.klingbot.core.workflow.EditException;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.core.workflow.MediaSource;
import dev.klingbot.core.workflow.Reply;
import dev.klingbot.core.workflow.StartEdit;
import dev.klingbot.kling.TaskMode;
import dev.klingbot.slack.fake.FakeSlack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

/** The handlers against a mocked core: what users see for each kind of request and mistake. */
class SlackHandlersTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String THREAD = "1700000000.000100";

  private final EditService edits = mock(EditService.class);
  private final AdminService admin = mock(AdminService.class);
  private final TestBot bot = new TestBot(edits, admin, new ChatPorts());
  private final Edit edit =
      Edits.removal("ABCD2345", Instant.now())
          .withOrigin(new Origin(Platform.SLACK, "T1", "C1", THREAD, "U_ALICE", "alice"));

  @TempDir Path temp;

  @AfterEach
  void close() {
    bot.close();
  }

  @Test
  void aMentionWithoutAVideoExplainsHowInTheThread() throws Exception {
    bot.requests.event(SlackRequests.mention("U_ALICE", THREAD, null, "remove the car", List.of()));

    FakeSlack.Call howTo =
        bot.slack.await("chat.postMessage", c -> c.shown().contains("upload it"), WAIT);
    assertThat(howTo.param("thread_ts")).isEqualTo(THREAD);
    assertThat(howTo.blocks()).contains("*in the same message*");
    verifyNoInteractions(edits);
  }

  @Test
  void aVideoOverTheLimitIsRefusedBeforeItIsDownloaded() throws Exception {
    Path clip = Files.write(temp.resolve("big.mp4"), new byte[2048]);
    Map<String, Object> file =
        new LinkedHashMap<>(bot.slack.file("F_BIG", "big.mp4", "video/mp4", clip));
    file.put("size", 300L << 20);

    bot.requests.event(
        SlackRequests.mention("U_ALICE", THREAD, null, "remove the car", List.of(file)));

    FakeSlack.Call refusal =
        bot.slack.await("chat.postEphemeral", c -> c.shown().contains("300.0 MB"), WAIT);
    assertThat(refusal.param("user")).isEqualTo("U_ALICE");
    assertThat(refusal.param("thread_ts")).isEqualTo(THREAD);
    assertThat(refusal.shown()).contains("200.0 MB").contains("Trim or compress");
    assertThat(bot.slack.calls("download")).isEmpty();
    assertThat(bot.slack.calls("chat.postMessage")).isEmpty();
    verifyNoInteractions(edits);
  }

  @Test
  void repliesInThreadsThatAreNotAboutAnEditAreIgnored() throws Exception {
    when(edits.current(any()))
        .thenThrow(new EditException(EditException.Kind.NOT_FOUND, "no edits"));

    bot.requests.event(SlackRequests.threadMessage("U_BOB", "1700000000.9", "1600000000.1", "hi"));
    bot.requests.event(
        SlackRequests.threadMessage("U_BOB", "1700000000.8", "1600000000.1", "select C4"));
    Map<String, Object> fromBot =
        SlackRequests.threadMessage("U_ALICE", "1700000000.7", THREAD, "select C4");
    fromBot.put("bot_id", "B2");
    bot.requests.event(fromBot);

    verify(edits, timeout(5000)).current(any());
    Thread.sleep(300);
    verify(edits, never()).select(any(), anyString(), anyString());
    assertThat(bot.slack.calls("chat.postMessage")).isEmpty();
    assertThat(bot.slack.calls("chat.postEphemeral")).isEmpty();
  }

  @Test
  void anUnexpectedFailureGetsAnApologyWithAReferenceAndNoDetails() throws Exception {
    when(edits.current(any())).thenReturn(edit);
    when(edits.select(any(), eq("ABCD2345"), eq("C4")))
        .thenThrow(new IllegalStateException("database on fire"));

    bot.requests.event(SlackRequests.threadMessage("U_ALICE", "1700000000.2", THREAD, "select C4"));

    FakeSlack.Call sorry =
        bot.slack.await("chat.postEphemeral", c -> c.shown().contains("reference"), WAIT);
    assertThat(sorry.param("user")).isEqualTo("U_ALICE");
    assertThat(sorry.shown())
        .containsPattern("reference `[A-Z0-9]{8}`")
        .doesNotContain("database", "IllegalStateException", "at dev.");
  }

  @Test
  void aPlainWordsProblemIsShownOnlyToThePresser() throws Exception {
    when(edits.submit(any(), eq("ABCD2345")))
        .thenThrow(
            new EditException(
                EditException.Kind.NOT_ALLOWED,
                "Edit `ABCD2345` belongs to alice; only they or a server admin can change it."));

    assertThat(bot.requests.press("U_BOB", "submit:ABCD2345", THREAD, THREAD).status())
        .isEqualTo(200);

    FakeSlack.Call refusal =
        bot.slack.await("chat.postEphemeral", c -> c.shown().contains("belongs to"), WAIT);
    assertThat(refusal.param("user")).isEqualTo("U_BOB");
    assertThat(refusal.param("thread_ts")).isEqualTo(THREAD);
    assertThat(bot.slack.calls("chat.postMessage")).isEmpty();
  }

  @Test
  void editPromptOpensAModalWhoseSubmissionChangesThePrompt() throws Exception {
    when(edits.find(any(), eq("ABCD2345"))).thenReturn(edit);
    when(edits.updatePrompt(any(), eq("ABCD2345"), eq("remove the blue car")))
        .thenReturn(Reply.of(edit, ChatMessage.text("✏️ Edit now: blue")));

    bot.requests.press("U_ALICE", "edit-prompt:ABCD2345", THREAD, THREAD);
    FakeSlack.Call modal = bot.slack.await("views.open", c -> true, WAIT);
    assertThat(modal.param("trigger_id")).isEqualTo("trigger-2");
    assertThat(modal.param("view"))
        .contains(BlockKit.PROMPT_MODAL)
        .contains("remove the red car")
        .contains("ABCD2345|C1|" + THREAD);

    SlackHttpResponse ack =
        bot.requests.submitModal(
            "U_ALICE", BlockKit.PROMPT_MODAL, "ABCD2345|C1|" + THREAD, "remove the blue car");
    assertThat(ack.status()).isEqualTo(200);
    FakeSlack.Call changed =
        bot.slack.await("chat.postMessage", c -> c.shown().contains("Edit now"), WAIT);
    assertThat(changed.param("thread_ts")).isEqualTo(THREAD);
    verify(edits).updatePrompt(any(Requester.class), eq("ABCD2345"), eq("remove the blue car"));
  }

  @Test
  void anEmptyModalIsSentBackWithAHint() {
    SlackHttpResponse ack =
        bot.requests.submitModal("U_ALICE", BlockKit.SELECT_MODAL, "ABCD2345|C1|" + THREAD, " ");

    assertThat(ack.status()).isEqualTo(200);
    assertThat(ack.bodyText()).contains("\"response_action\":\"errors\"").contains("C4 D4");
    verifyNoInteractions(edits);
  }

  @Test
  void selectAreaPostsTheGridWithATypeCellsButton() throws Exception {
    Path png = Files.write(temp.resolve("grid.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    when(edits.gridFrame(any(), eq("ABCD2345"), eq(0)))
        .thenReturn(
            Reply.of(
                edit,
                ChatMessage.text("🔲 Frame 0 with a grid")
                    .withFile(new ChatFile(png, "grid-frame-0.png", "Grid"))));

    bot.requests.press("U_ALICE", "select-area:ABCD2345", THREAD, THREAD);

    FakeSlack.Call shared = bot.slack.await("files.completeUploadExternal", c -> true, WAIT);
    assertThat(shared.param("thread_ts")).isEqualTo(THREAD);
    assertThat(shared.param("initial_comment")).contains("Frame 0 with a grid");
    assertThat(bot.slack.calls("upload"))
        .singleElement()
        .satisfies(upload -> assertThat(upload.body()).hasSize(4));
    FakeSlack.Call buttons =
        bot.slack.await("chat.postMessage", c -> c.blocks().contains("type-cells:"), WAIT);
    assertThat(buttons.param("thread_ts")).isEqualTo(THREAD);
  }

  @Test
  void slashCommandsAnswerPrivatelyThroughTheResponseUrl() throws Exception {
    when(edits.quota(any())).thenReturn(Reply.text("📊 **Quota**: you: 5 of 5 units left today"));

    assertThat(bot.requests.command("U_ALICE", "quota", bot.slack.responseUrl("q")).status())
        .isEqualTo(200);
    bot.requests.command("U_ALICE", "help", bot.slack.responseUrl("h"));

    FakeSlack.Call quota = bot.slack.await("respond", c -> c.shown().contains("Quota"), WAIT);
    assertThat(quota.param("response_type")).isEqualTo("ephemeral");
    assertThat(quota.blocks()).contains("*Quota*");
    FakeSlack.Call help =
        bot.slack.await("respond", c -> c.shown().contains("/kling status"), WAIT);
    assertThat(help.shown()).doesNotContain("/kling admin");
  }

  @Test
  void aMentionWithAVideoAndAnImageStartsAnEditInItsThread() throws Exception {
    Path clip = Files.write(temp.resolve("clip.mp4"), new byte[] {1, 2, 3, 4});
    Path hat = Files.write(temp.resolve("hat.png"), new byte[] {5, 6, 7});
    List<Map<String, Object>> shared =
        List.of(
            bot.slack.file("F_VID", "clip.mp4", "video/mp4", clip),
            bot.slack.file("F_IMG", "hat.png", "image/png", hat));
    ArgumentCaptor<StartEdit> started = ArgumentCaptor.forClass(StartEdit.class);
    List<Boolean> filesExisted = new ArrayList<>();
    when(edits.start(any(), started.capture()))
        .thenAnswer(
            call -> {
              StartEdit request = call.getArgument(1);
              filesExisted.add(Files.exists(((MediaSource.File) request.video()).path()));
              return Reply.of(edit, ChatMessage.text("🎬 **Edit `ABCD2345`** — the plan"));
            });

    bot.requests.event(
        SlackRequests.mention("U_ALICE", THREAD, null, "put on the hat --pro", shared));

    FakeSlack.Call plan = bot.slack.await("chat.update", c -> c.shown().contains("the plan"), WAIT);
    String placeholderTs = bot.slack.calls("chat.postMessage").get(0).answered("ts");
    assertThat(plan.param("ts")).isEqualTo(placeholderTs);
    verify(edits, timeout(5000))
        .attachConversation(any(), eq("ABCD2345"), eq(THREAD), eq(placeholderTs));
    StartEdit request = started.getValue();
    assertThat(request.instruction()).isEqualTo("put on the hat");
    assertThat(request.mode()).isEqualTo(TaskMode.PRO);
    assertThat(request.video().displayName()).isEqualTo("clip.mp4");
    assertThat(request.images()).extracting(m -> m.displayName()).containsExactly("hat.png");
    assertThat(filesExisted).containsExactly(true);
    assertThat(((MediaSource.File) request.video()).path()).doesNotExist();
    assertThat(bot.slack.calls("download")).hasSize(2);
  }

  @Test
  void aMentionInAnEditThreadRunsTheCommand() throws Exception {
    when(edits.current(any())).thenReturn(edit);
    when(edits.status(any(), eq("ABCD2345")))
        .thenReturn(Reply.of(edit, ChatMessage.text("⏳ Edit `ABCD2345` is selecting")));

    bot.requests.event(
        SlackRequests.mention("U_ALICE", "1700000000.000300", THREAD, "status", List.of()));

    FakeSlack.Call status =
        bot.slack.await("chat.postMessage", c -> c.shown().contains("is selecting"), WAIT);
    assertThat(status.param("thread_ts")).isEqualTo(THREAD);
  }
}
