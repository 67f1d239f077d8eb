package dev.klingbot.discord;

import static dev.klingbot.core.testing.ChatFailures.assertChatFailure;
import static dev.klingbot.discord.WireHarness.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.config.DiscordConfig;
import dev.klingbot.config.Secret;
import dev.klingbot.config.ShardSelection;
import dev.klingbot.core.Platform;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.ChatPort;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.chat.Conversation;
import dev.klingbot.core.conversation.ConversationHandler;
import dev.klingbot.core.testing.WorkflowFixture;
import dev.klingbot.discord.fake.FakeDiscord;
import dev.klingbot.discord.fake.RestCall;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.requests.RestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sharding on the wire: the real JDA shard manager against a fake Discord that recommends two
 * shards and holds a server on each. One process with the default settings runs both shards; two
 * processes with {@code discord.shards} 0 and 1 of {@code discord.shard-total} 2 each get the
 * interactions of their own servers only, and answer them. Each process is a {@link DiscordBot}
 * with its own chat ports and conversation handler, on one shared database, as separate bot
 * processes on one PostgreSQL are.
 */
class WireShardsTest {
  private final WorkflowFixture fixture = WorkflowFixture.quick();
  private final FakeDiscord discord = new FakeDiscord();
  private final FakeDiscord.Guild onShard0 = discord.addGuild(0, 2);
  private final FakeDiscord.Guild onShard1 = discord.addGuild(1, 2);
  private final List<DiscordBot> processes = new ArrayList<>();
  private final Map<DiscordBot, ChatPorts> chats = new HashMap<>();

  WireShardsTest() throws IOException {
    discord.shards(2);
    discord.start();
  }

  @AfterEach
  void close() throws IOException {
    try {
      processes.forEach(DiscordBot::close);
      discord.close();
    } finally {
      fixture.close();
    }
  }

  @Test
  void byDefaultOneProcessRunsEveryShardDiscordRecommendsAndAnswersInEveryServer()
      throws Exception {
    DiscordBot bot = start(new DiscordConfig(Secret.of(FakeDiscord.TOKEN), null), "the-only");

    assertThat(discord.connectedShards()).containsExactlyInAnyOrder(List.of(0, 2), List.of(1, 2));
    assertThat(bot.shards().getShardsTotal()).isEqualTo(2);
    String inShard0 = quota(onShard0);
    String inShard1 = quota(onShard1);

    assertThat(followup(inShard0).content()).contains("📊 **Quota**");
    assertThat(followup(inShard1).content()).contains("📊 **Quota**");
    assertThat(discord.shardsReached(inShard0)).containsExactly(0);
    assertThat(discord.shardsReached(inShard1)).containsExactly(1);
    // the commands are registered once, for the whole application
    assertThat(discord.calls("PUT applications/" + discord.applicationId + "/commands")).hasSize(1);
  }

  @Test
  void twoProcessesEachGetAndAnswerTheInteractionsOfTheirOwnShardOnly() throws Exception {
    start(sharded("0"), "process-a");
    start(sharded("1"), "process-b");

    assertThat(discord.connectedShards()).containsExactlyInAnyOrder(List.of(0, 2), List.of(1, 2));
    String inShard1 = quota(onShard1);
    String inShard0 = quota(onShard0);

    RestCall answer1 = followup(inShard1);
    RestCall answer0 = followup(inShard0);
    assertThat(answer1.content()).contains("📊 **Quota**");
    assertThat(answer0.content()).contains("📊 **Quota**");
    assertThat(discord.shardsReached(inShard1)).containsExactly(1);
    assertThat(discord.shardsReached(inShard0)).containsExactly(0);
    // only the process running shard 1 answered the command in the server of shard 1
    assertThat(discord.answersTo(inShard1))
        .isNotEmpty()
        .allSatisfy(call -> assertThat(call.userAgent()).endsWith("process-b"));
    assertThat(discord.answersTo(inShard0))
        .isNotEmpty()
        .allSatisfy(call -> assertThat(call.userAgent()).endsWith("process-a"));
  }

  @Test
  void aProcessPostsOnlyIntoServersOfItsOwnShardsAndLeavesTheOthersToTheirProcess() {
    DiscordBot processA = start(sharded("0"), "process-a");
    ChatPort chat = chats.get(processA).find(Platform.DISCORD).orElseThrow();
    Conversation own =
        new Conversation(Platform.DISCORD, onShard0.id(), onShard0.channelId(), null);
    Conversation other =
        new Conversation(Platform.DISCORD, onShard1.id(), onShard1.channelId(), null);

    chat.post(own, ChatMessage.text("hello from shard 0"));

    assertThat(assertChatFailure(() -> chat.post(other, ChatMessage.text("hi")), true))
        .hasMessage(
            "Discord server "
                + onShard1.id()
                + " is on shard 1 of 2, which this bot process does not run (or has"
                + " not started yet)");
    assertThat(discord.messagesIn(onShard0.channelId()))
        .singleElement()
        .satisfies(m -> assertThat(m.getString("content")).isEqualTo("hello from shard 0"));
    assertThat(discord.calls("POST channels/" + onShard1.channelId())).isEmpty();
  }

  private static DiscordConfig sharded(String shards) {
    return new DiscordConfig(Secret.of(FakeDiscord.TOKEN), null, 2, ShardSelection.parse(shards));
  }

  /** Starts a bot process whose REST calls carry {@code name} in their User-Agent. */
  private DiscordBot start(DiscordConfig config, String name) {
    ChatPorts ports = new ChatPorts();
    ConversationHandler conversation =
        new ConversationHandler(
            fixture.workflow().service(), fixture.admin(), ports, Clock.systemUTC());
    DiscordBot bot =
        new DiscordBot(
            config,
            conversation,
            ports,
            builder ->
                discord
                    .configure(builder)
                    .setRestConfig(
                        new RestConfig()
                            .setBaseUrl(discord.restBaseUrl())
                            .setUserAgentSuffix(name)));
    processes.add(bot);
    chats.put(bot, ports);
    bot.start();
    return bot;
  }

  private String quota(FakeDiscord.Guild guild) {
    return discord.slashCommand(
        BOB, guild.channelId(), KlingCommands.KLING, null, "quota", Map.of());
  }

  private RestCall followup(String interactionId) throws InterruptedException {
    discord.await(
        c ->
            discord.answersTo(interactionId).stream()
                .anyMatch(a -> a.path().startsWith("webhooks/")),
        WireHarness.WAIT);
    return discord.answersTo(interactionId).stream()
        .filter(a -> a.path().startsWith("webhooks/"))
        .findFirst()
        .orElseThrow();
  }
}
