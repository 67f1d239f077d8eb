package dev.klingbot.slack;

import dev.klingbot.config.MediaConfig;
import dev.klingbot.config.Secret;
import dev.klingbot.config.SlackConfig;
import dev.klingbot.core.admin.AdminService;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.chat.ConnectRetry;
import dev.klingbot.core.store.Database;
import dev.klingbot.core.store.SeenEventStore;
import dev.klingbot.core.testing.TestDatabases;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.slack.fake.FakeSlack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A real {@link SlackBot} in HTTP mode against a {@link FakeSlack}, with signed requests. */
final class TestBot implements AutoCloseable {
  final FakeSlack slack = new FakeSlack();
  final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
  final ChatPorts chats;
  final SlackBot bot;
  final SlackRequests requests;
  private final Database database = TestDatabases.h2();

  TestBot(EditService edits, AdminService admin, ChatPorts chats) {
    this.chats = chats;
    SlackConfig config =
        new SlackConfig(
            Secret.of(FakeSlack.BOT_TOKEN),
            null,
            Secret.of(SlackRequests.SIGNING_SECRET),
            "http",
            List.of("U_LISTED"));
    SlackApi.Retry retry =
        new SlackApi.Retry(3, Duration.ofSeconds(30), Duration.ofMillis(10), sleeps::add);
    this.bot =
        new SlackBot(
            config,
            MediaConfig.defaults(),
            conversation(edits, admin, chats),
            chats,
            new SeenEventStore(database)::firstTime,
            slack.apiConfig(),
            retry,
            ConnectRetry.standard());
    bot.start();
    this.requests = new SlackRequests(bot.httpHandler().orElseThrow());
  }

  /** The core's conversation handler over the given services. */
  static dev.klingbot.core.conversation.ConversationHandler conversation(
      EditService edits, AdminService admin, ChatPorts chats) {
    return new dev.klingbot.core.conversation.ConversationHandler(
        edits, admin, chats, java.time.Clock.systemUTC());
  }

  @Override
  public void close() {
    bot.close();
    slack.close();
    database.close();
  }
}
