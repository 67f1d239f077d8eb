package dev.klingbot.discord;

import static dev.klingbot.discord.DiscordMocks.attachment;

import dev.klingbot.core.Platform;
import dev.klingbot.core.admin.AdminService;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.testing.WorkflowFixture;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.discord.DiscordMocks.Answers;
import dev.klingbot.discord.DiscordMocks.Person;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;

/**
 * The adapter wired as {@link DiscordBot} wires it, on the real workflow (Kling simulator over
 * HTTP, H2) with a recording Discord behind the chat port. Work runs on the calling thread.
 */
final class Harness implements AutoCloseable {
  final WorkflowFixture fixture;
  final FakeGateway discord = new FakeGateway();
  final MessageRenderer renderer = new MessageRenderer();
  final DiscordChat chat = new DiscordChat(discord, renderer);
  final AdminService admin;
  final DiscordListener listener;

  /** Work handed to the executor while {@link #holdWork} is set. */
  final List<Runnable> heldWork = new ArrayList<>();

  boolean holdWork;

  Harness() {
    Executor executor =
        task -> {
          if (holdWork) {
            heldWork.add(task);
          } else {
            task.run();
          }
        };
    fixture = WorkflowFixture.quick();
    fixture.chats.register(chat);
    admin = fixture.admin();
    listener = DiscordBot.listener(fixture.conversation(), renderer, executor, executor);
  }

  EditService service() {
    return fixture.workflow().service();
  }

  /** Runs {@code /kling edit} in the channel and returns the new edit. */
  Edit startEdit(Person person, String instruction) {
    Answers answers = new Answers();
    kling(
        person,
        DiscordMocks.channel(DiscordMocks.CHANNEL),
        answers,
        "edit",
        editOptions(instruction));
    return fixture.edits.recentByUser(Platform.DISCORD, DiscordMocks.GUILD, person.id(), 1).stream()
        .findFirst()
        .orElseThrow(() -> new AssertionError("no edit started: " + answers.texts()));
  }

  Map<String, Object> editOptions(String instruction) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("video", attachment(fixture.sampleVideo(1280, 720, 30, 5).url(), "clip.mp4"));
    options.put("instruction", instruction);
    return options;
  }

  void kling(
      Person person,
      MessageChannelUnion channel,
      Answers answers,
      String subcommand,
      Map<String, Object> options) {
    listener.onSlashCommandInteraction(
        DiscordMocks.slash(
            person, channel, answers, KlingCommands.KLING, null, subcommand, options));
  }

  void admin(
      Person person,
      Answers answers,
      String group,
      String subcommand,
      Map<String, Object> options) {
    listener.onSlashCommandInteraction(
        DiscordMocks.slash(
            person,
            DiscordMocks.channel(DiscordMocks.CHANNEL),
            answers,
            KlingCommands.ADMIN,
            group,
            subcommand,
            options));
  }

  void press(Person person, MessageChannelUnion channel, Answers answers, String customId) {
    listener.onButtonInteraction(DiscordMocks.button(person, channel, answers, customId));
  }

  /** The thread channel of an edit, as a member sees it. */
  MessageChannelUnion threadOf(Edit edit) {
    Edit stored = fixture.edits.find(edit.id()).orElseThrow();
    return DiscordMocks.thread(stored.origin().threadId(), stored.origin().channelId());
  }

  @Override
  public void close() {
    fixture.close();
  }
}
