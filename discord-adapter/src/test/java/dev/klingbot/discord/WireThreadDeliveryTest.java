package dev.klingbot.discord;

import static dev.klingbot.discord.WireHarness.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.chat.ChatFile;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.ChatPort;
import dev.klingbot.core.chat.Conversation;
import dev.klingbot.core.chat.MessageRef;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.discord.fake.FakeDiscord;
import dev.klingbot.discord.fake.RestCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Where the job runner's progress and result go when the edit's thread is no longer open: the real
 * JDA against the fake Discord, which archives, locks and deletes threads and takes permissions as
 * Discord does. The core posts through the adapter's chat port, as its job runner does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireThreadDeliveryTest {
  @AutoClose private final WireHarness harness = new WireHarness();
  private final FakeDiscord discord = harness.discord;
  private final ChatPort chat = harness.fixture.chats.find(Platform.DISCORD).orElseThrow();
  private Edit edit;
  private Conversation thread;
  private int members;
  private int mark;

  /** Each test has its own member and edit, in its own thread. */
  @BeforeEach
  void startAnEdit() throws Exception {
    FakeDiscord.Member who =
        new FakeDiscord.Member(Long.toString(283746501928300000L + ++members), "alice", false);
    String id =
        harness.kling(
            who, discord.channelId, "edit", harness.editOptions("remove the orange ball"));
    harness.followup(id);
    edit =
        harness.fixture.edits.recentByUser(Platform.DISCORD, discord.guildId, who.id(), 1).get(0);
    thread = edit.origin().conversation();
    assertThat(thread.threadId()).isNotNull();
    mark = discord.calls().size();
  }

  /** The REST calls since the test's edit was started. */
  private List<RestCall> callsSince() {
    List<RestCall> all = discord.calls();
    return all.subList(mark, all.size());
  }

  @Test
  void anArchivedThreadIsFoundReopenedByTheResultAndItsProgressMessageEditedThere()
      throws Exception {
    MessageRef progress =
        chat.post(thread, ChatMessage.text("⚙️ **Processing** — edit `" + edit.id() + "`"));
    discord.archiveThread(thread.threadId(), false);
    awaitUncached(thread.threadId());

    MessageRef result = chat.post(thread, result());
    chat.edit(progress, ChatMessage.text("✅ **Done** — edit `" + edit.id() + "` took 1 min"));

    assertThat(result.conversation()).isEqualTo(thread);
    RestCall upload = lastPost(thread.threadId());
    assertThat(upload.status()).isEqualTo(200);
    assertThat(upload.content()).contains("✅ Your edit `" + edit.id() + "` is ready");
    assertThat(upload.files()).containsKey("result.mp4");
    assertThat(discord.archived(thread.threadId())).isFalse();
    assertThat(callsSince())
        .noneMatch(c -> c.route().equals("POST channels/" + discord.channelId + "/messages"));
    RestCall edited =
        discord.calls("PATCH channels/" + thread.threadId() + "/messages/" + progress.id()).get(0);
    assertThat(edited.status()).isEqualTo(200);
    assertThat(discord.messagesIn(thread.threadId()))
        .anySatisfy(m -> assertThat(m.getString("content")).startsWith("✅ **Done**"));
  }

  @Test
  void aResumedDeliveryOfTheSameResultIsAnsweredWithTheFirstPostNotASecondOne() throws Exception {
    ChatMessage keyed = result().withDeliveryKey("result:" + edit.id());

    MessageRef first = chat.post(thread, keyed);
    MessageRef again = chat.post(thread, keyed); // e.g. after a crash before it was recorded

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(discord.messagesIn(thread.threadId()))
        .filteredOn(m -> m.getString("content", "").contains("is ready"))
        .hasSize(1);
    List<RestCall> posts = discord.calls("POST channels/" + thread.threadId() + "/messages");
    RestCall post = posts.get(posts.size() - 1);
    assertThat(post.json().getBoolean("enforce_nonce")).isTrue();
    assertThat(post.json().getString("nonce"))
        .hasSizeLessThanOrEqualTo(25)
        .isEqualTo(posts.get(posts.size() - 2).json().getString("nonce"));
  }

  @Test
  void resultsOfDifferentEditsAreNotTakenForOneAnother() throws Exception {
    MessageRef first = chat.post(thread, result().withDeliveryKey("result:" + edit.id()));
    MessageRef other = chat.post(thread, result().withDeliveryKey("result:another-edit"));

    assertThat(other.id()).isNotEqualTo(first.id());
  }

  @Test
  void aProgressEditInAnArchivedThreadReopensItFirst() throws Exception {
    MessageRef progress = chat.post(thread, ChatMessage.text("📨 **Submitted**"));
    discord.archiveThread(thread.threadId(), false);
    awaitUncached(thread.threadId());

    chat.edit(progress, ChatMessage.text("⚙️ **Processing** — 1 min"));

    assertThat(discord.archived(thread.threadId())).isFalse();
    assertThat(discord.calls("PATCH channels/" + thread.threadId() + "/messages/" + progress.id()))
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(200));
  }

  @Test
  void aThreadLockedByAModeratorGetsTheResultInItsChannelWithAReferenceToTheEdit()
      throws Exception {
    discord.archiveThread(thread.threadId(), true);
    awaitUncached(thread.threadId());

    MessageRef posted = chat.post(thread, result());

    RestCall post = lastPost(discord.channelId);
    assertThat(post.status()).isEqualTo(200);
    assertThat(post.content())
        .contains("<#" + thread.threadId() + ">")
        .contains("locked")
        .contains("✅ Your edit `" + edit.id() + "` is ready");
    assertThat(post.files()).containsKey("result.mp4");
    assertThat(posted.conversation().threadId()).isNull();
    assertThat(discord.calls("POST channels/" + thread.threadId() + "/messages"))
        .allSatisfy(c -> assertThat(c.status()).isEqualTo(200));
  }

  @Test
  void aDeletedThreadGetsTheResultInItsChannel() throws Exception {
    discord.deleteThread(thread.threadId());
    awaitUncached(thread.threadId());

    chat.post(thread, result());

    RestCall post = lastPost(discord.channelId);
    assertThat(post.status()).isEqualTo(200);
    assertThat(post.content())
        .contains("thread of this edit is gone")
        .contains("✅ Your edit `" + edit.id() + "` is ready");
  }

  @Test
  void withoutSendMessagesInThreadsTheUserGetsASentenceAndAdminsThePermissionName()
      throws Exception {
    postResultWithout(Permission.MESSAGE_SEND_IN_THREADS);

    RestCall post = lastPost(discord.channelId);
    assertThat(post.status()).isEqualTo(200);
    assertThat(post.content())
        .contains("I may not post in the thread of this edit")
        .contains("**Send Messages in Threads**")
        .contains("✅ Your edit `" + edit.id() + "` is ready");
    assertThat(callsSince())
        .allSatisfy(c -> assertThat(c.status()).as(c.toString()).isLessThan(400));
  }

  @Test
  void withoutAttachFilesTheMessageComesWithoutTheFileAndSaysWhy() throws Exception {
    postResultWithout(Permission.MESSAGE_ATTACH_FILES);

    RestCall post = lastPost(thread.threadId());
    assertThat(post.status()).isEqualTo(200);
    assertThat(post.files()).isEmpty();
    assertThat(post.content())
        .contains("✅ Your edit `" + edit.id() + "` is ready")
        .contains("I may not attach files here")
        .contains("**Attach Files**");
    assertThat(callsSince())
        .allSatisfy(c -> assertThat(c.status()).as(c.toString()).isLessThan(400));
  }

  private ChatMessage result() throws Exception {
    Path file = harness.fixture.workDir.resolve("result.mp4");
    Files.write(file, new byte[4096]);
    return ChatMessage.text("✅ Your edit `" + edit.id() + "` is ready: Remove “the orange ball”.")
        .mentioning(ALICE.id())
        .withFile(new ChatFile(file, "result.mp4", "The edited video"));
  }

  private RestCall lastPost(String channel) {
    List<RestCall> posts = discord.calls("POST channels/" + channel + "/messages");
    assertThat(posts).as("posts in " + channel + ": " + discord.calls()).isNotEmpty();
    return posts.get(posts.size() - 1);
  }

  /** Waits until JDA has processed the THREAD_UPDATE / THREAD_DELETE and dropped the thread. */
  private void awaitUncached(String threadId) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (harness.bot.shards().getThreadChannelById(threadId) != null) {
      assertThat(Instant.now()).as("JDA still caches thread " + threadId).isBefore(deadline);
      Thread.sleep(20);
    }
  }

  /** Waits until JDA has processed the CHANNEL_UPDATE with the bot's new permissions. */
  private void awaitPermission(Permission permission, boolean granted) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    var jda = harness.bot.shards();
    while (jda.getGuildById(discord.guildId)
            .getSelfMember()
            .hasPermission(jda.getTextChannelById(discord.channelId), permission)
        != granted) {
      assertThat(Instant.now()).as("JDA did not see the permission change").isBefore(deadline);
      Thread.sleep(20);
    }
  }

  /**
   * Posts the result to the edit's thread while the bot lacks {@code permission} in the channel.
   */
  private void postResultWithout(Permission permission) throws Exception {
    discord.denyBot(discord.channelId, permission);
    awaitPermission(permission, false);
    try {
      chat.post(thread, result());
    } finally {
      discord.resetBot(discord.channelId);
      awaitPermission(permission, true);
    }
  }
}
