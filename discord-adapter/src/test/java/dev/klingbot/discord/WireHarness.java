package dev.klingbot.discord;

import dev.klingbot.config.DiscordConfig;
import dev.klingbot.config.Secret;
import dev.klingbot.core.Platform;
import dev.klingbot.core.admin.AdminService;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.testing.WorkflowFixture;
import dev.klingbot.core.workflow.MediaSource;
import dev.klingbot.discord.fake.FakeAttachment;
import dev.klingbot.discord.fake.FakeDiscord;
import dev.klingbot.discord.fake.RestCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real adapter on the real JDA against {@link FakeDiscord}: {@link DiscordBot} started as the
 * app starts it (its commands registered in the fake server), on the real workflow (Kling simulator
 * over HTTP, H2). Tests act as Discord users do, through gateway interactions, and read what
 * Discord received.
 */
final class WireHarness implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final FakeDiscord.Member ALICE =
      new FakeDiscord.Member("283746501928374650", "alice", false);
  static final FakeDiscord.Member BOB = new FakeDiscord.Member("283746501928374651", "bob", false);

  final WorkflowFixture fixture;
  final FakeDiscord discord;
  final DiscordBot bot;

  WireHarness() {
    fixture = WorkflowFixture.quick();
    try {
      discord = new FakeDiscord().start();
    } catch (IOException e) {
      fixture.close();
      throw new UncheckedIOException(e);
    }
    AdminService admin = fixture.admin();
    bot =
        new DiscordBot(
            new DiscordConfig(Secret.of(FakeDiscord.TOKEN), discord.guildId),
            fixture.conversation(),
            fixture.chats,
            discord::configure);
    bot.start();
  }

  /** A clip attached to the command, served by the simulator's file server. */
  FakeAttachment video() {
    MediaSource.Url clip = fixture.sampleVideo(1280, 720, 30, 5);
    return new FakeAttachment("clip.mp4", clip.url(), 150_000, "video/mp4");
  }

  Map<String, Object> editOptions(String instruction) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("video", video());
    options.put("instruction", instruction);
    return options;
  }

  /** Runs {@code /kling subcommand} in a channel or thread; the interaction id. */
  String kling(
      FakeDiscord.Member who, String channel, String subcommand, Map<String, Object> options) {
    return discord.slashCommand(who, channel, KlingCommands.KLING, null, subcommand, options);
  }

  /** The first private followup of an interaction, once it came. */
  RestCall followup(String interactionId) throws InterruptedException {
    discord.await(
        c ->
            discord.answersTo(interactionId).stream()
                .anyMatch(a -> a.path().startsWith("webhooks/")),
        WAIT);
    return discord.answersTo(interactionId).stream()
        .filter(a -> a.path().startsWith("webhooks/"))
        .findFirst()
        .orElseThrow();
  }

  /** The edit that lives in a thread of the fake server. */
  Edit editInThread(String threadId) {
    return fixture.edits.findByThread(Platform.DISCORD, discord.guildId, threadId).orElseThrow();
  }

  @Override
  public void close() {
    try {
      bot.close();
      discord.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      fixture.close();
    }
  }
}
