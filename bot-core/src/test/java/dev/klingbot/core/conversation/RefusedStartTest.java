package dev.klingbot.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatException;
import dev.klingbot.core.chat.Conversation;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.testing.ForwardingChat;
import dev.klingbot.core.testing.RecordingChat;
import dev.klingbot.core.testing.WorkflowFixture;
import dev.klingbot.core.workflow.MediaSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A start that is refused after the edit was stored leaves no edit behind, or one that says it was
 * refused: never an edit that history shows as "created" for ever.
 */
class RefusedStartTest {
  private WorkflowFixture fixture;

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private static EditCommand.Start start(MediaSource video) {
    return new EditCommand.Start(video, "remove the orange ball", List.of(), null, null);
  }

  private String history(ConversationHandler handler, Requester who) {
    Told told = new Told();
    handler.handle(Actor.of(who), new EditCommand.History(), told);
    return told.text();
  }

  @Test
  void aLocalFileKlingCannotFetchLeavesNoEditBehind() {
    fixture = WorkflowFixture.withoutPublicAddress();
    RecordingChat chat = new RecordingChat(Platform.CONSOLE);
    fixture.chats.register(chat);
    ConversationHandler handler = fixture.conversation();
    Requester me = WorkflowFixture.requester(Platform.CONSOLE, "me");

    Told told = new Told();
    handler.handle(Actor.of(me), start(fixture.sampleFile(1280, 720, 30, 5)), told);

    assertThat(told.text())
        .contains("the bot has no public address yet")
        .contains("http.public-base-url")
        .contains("give the video as an http(s) link");
    assertThat(fixture.edits.recentByUser(Platform.CONSOLE, "guild-1", "me", 5)).isEmpty();
    assertThat(history(handler, me)).contains("You have no edits on this server yet");
    Told status = new Told();
    handler.handle(Actor.of(me), new EditCommand.Status(null), status);
    assertThat(status.text()).contains("You have no edits on this server yet");
    assertThat(chat.posts()).isEmpty();
    assertThat(fixture.simulator.sessions()).isEmpty();
  }

  @Test
  void aThreadThePlatformWillNotOpenEndsTheEditInsteadOfLeavingItOpen() {
    fixture = WorkflowFixture.quick();
    RecordingChat recording = new RecordingChat(Platform.DISCORD);
    fixture.chats.register(
        new ForwardingChat(recording) {
          @Override
          public Conversation openThread(Conversation from, String title) {
            throw new ChatException("Missing permission CREATE_PUBLIC_THREADS", false, null);
          }
        });
    ConversationHandler handler = fixture.conversation();
    Requester alice = WorkflowFixture.requester(Platform.DISCORD, "alice");

    Told told = new Told();
    handler.handle(Actor.of(alice), start(fixture.sampleVideo(1280, 720, 30, 5)), told);

    assertThat(told.text()).startsWith("⚠️ I could not post there");
    List<Edit> edits = fixture.edits.recentByUser(Platform.DISCORD, "guild-1", "alice", 5);
    assertThat(edits).allSatisfy(edit -> assertThat(edit.state().isFinal()).isTrue());
    assertThat(history(handler, alice)).doesNotContain("· created ·").doesNotContain("selecting");
  }
}
