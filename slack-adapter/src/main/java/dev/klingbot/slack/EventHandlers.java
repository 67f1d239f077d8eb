package dev.klingbot.slack;

import static java.util.Objects.requireNonNull;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.File;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.MessageRef;
import dev.klingbot.core.conversation.Actor;
import dev.klingbot.core.conversation.CommandGrammar;
import dev.klingbot.core.conversation.ConversationHandler;
import dev.klingbot.core.conversation.EditCommand;
import dev.klingbot.core.workflow.EditException;
import dev.klingbot.core.workflow.MediaSource;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Events API side: a mention with a video starts an edit in that message's thread; a mention or
 * a reply in an edit's thread runs a thread command. Both acknowledge at once and work on the
 * {@link WorkQueue}.
 */
final class EventHandlers {
  static final String HOW_TO =
      "👋 " + SlackChat.HOW_TO_START + ". `/kling help` shows everything else.";

  private static final Logger LOG = LoggerFactory.getLogger(EventHandlers.class);

  private final ConversationHandler conversation;
  private final UserDirectory users;
  private final SlackChat chat;
  private final SlackFiles files;
  private final ThreadCommands commands;
  private final WorkQueue queue;
  private final long maxVideoBytes;
  private final long maxImageBytes;

  EventHandlers(
      ConversationHandler conversation,
      UserDirectory users,
      SlackChat chat,
      SlackFiles files,
      ThreadCommands commands,
      WorkQueue queue,
      long maxVideoBytes,
      long maxImageBytes) {
    this.conversation = requireNonNull(conversation, "conversation is null");
    this.users = requireNonNull(users, "users is null");
    this.chat = requireNonNull(chat, "chat is null");
    this.files = requireNonNull(files, "files is null");
    this.commands = requireNonNull(commands, "commands is null");
    this.queue = requireNonNull(queue, "queue is null");
    this.maxVideoBytes = maxVideoBytes;
    this.maxImageBytes = maxImageBytes;
  }

  Response onMention(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
    AppMentionEvent event = payload.getEvent();
    if (event.getUser() == null || event.getBotId() != null || !queue.firstTime(key(payload))) {
      return ctx.ack();
    }
    String teamId = teamId(payload.getTeamId(), event.getTeam(), ctx);
    String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
    String text = Mrkdwn.unescape(Mrkdwn.withoutMention(event.getText(), ctx.getBotUserId()));
    List<File> shared = event.getFiles() == null ? List.of() : event.getFiles();
    String channel = event.getChannel();
    String user = event.getUser();
    queue.submit(
        channel + ":" + thread,
        () -> {
          Requester who = null;
          try {
            who = users.requester(teamId, channel, thread, user);
            mentioned(who, event.getThreadTs() != null, text, shared);
          } catch (RuntimeException e) {
            if (who != null) {
              SlackReplies.ephemeral(chat, who)
                  .privately(conversation.describe(Platform.SLACK, e, "mention by " + user));
            } else {
              LOG.warn("A mention by {} could not be answered: {}", user, e.toString());
            }
          }
        });
    return ctx.ack();
  }

  Response onMessage(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
    MessageEvent event = payload.getEvent();
    String text = Mrkdwn.unescape(event.getText());
    boolean mentionsBot =
        ctx.getBotUserId() != null
            && String.valueOf(event.getText()).contains("<@" + ctx.getBotUserId());
    if (event.getThreadTs() == null
        || event.getUser() == null
        || event.getBotId() != null
        || mentionsBot
        || !ThreadCommands.isCommand(text)
        || !queue.firstTime(key(payload))) {
      return ctx.ack();
    }
    String teamId = teamId(payload.getTeamId(), event.getTeam(), ctx);
    String channel = event.getChannel();
    String thread = event.getThreadTs();
    String user = event.getUser();
    queue.submit(channel + ":" + thread, () -> commands.run(teamId, channel, thread, user, text));
    return ctx.ack();
  }

  private void mentioned(Requester who, boolean inThread, String text, List<File> shared) {
    File video = shared.stream().filter(SlackFiles::isVideo).findFirst().orElse(null);
    if (video == null) {
      boolean command =
          inThread
              && ThreadCommands.isCommand(text)
              && commands.run(who.serverId(), who.channelId(), who.threadId(), who.userId(), text);
      if (!command) {
        chat.post(who.conversation(), ChatMessage.text(HOW_TO));
      }
      return;
    }
    CommandGrammar.StartOptions options = CommandGrammar.startOptions(text, 0);
    if (options.instruction().isBlank()) {
      throw new EditException(
          EditException.Kind.INSTRUCTION,
          "Tell me what to change in the same message as the video, e.g. `@Kling remove the red"
              + " car`.");
    }
    List<File> images = shared.stream().filter(SlackFiles::isImage).limit(2).toList();
    SlackFiles.precheck(video, maxVideoBytes, "video");
    images.forEach(image -> SlackFiles.precheck(image, maxImageBytes, "image"));
    start(who, video, images, options);
  }

  private void start(
      Requester who, File video, List<File> images, CommandGrammar.StartOptions options) {
    String name = video.getName() == null ? "the video" : video.getName();
    MessageRef placeholder =
        chat.post(
            who.conversation(),
            ChatMessage.text("⏳ Downloading `" + name + "` and checking it for Kling…"));
    List<MediaSource.File> downloaded = new ArrayList<>();
    try {
      MediaSource.File source = files.download(video, maxVideoBytes, "video");
      downloaded.add(source);
      List<MediaSource> pictures = new ArrayList<>();
      for (File image : images) {
        MediaSource.File picture = files.download(image, maxImageBytes, "image");
        downloaded.add(picture);
        pictures.add(picture);
      }
      conversation.run(
          Actor.of(who),
          new EditCommand.Start(
              source, options.instruction(), pictures, options.mode(), options.negative()),
          SlackReplies.ephemeral(chat, who));
    } finally {
      downloaded.forEach(files::discard);
      deleteQuietly(placeholder);
    }
  }

  private void deleteQuietly(MessageRef message) {
    try {
      chat.delete(message);
    } catch (RuntimeException e) {
      LOG.debug("Could not delete message {}: {}", message.id(), e.getMessage());
    }
  }

  private static String key(EventsApiPayload<?> payload) {
    return payload.getEventId();
  }

  private static String teamId(String payloadTeam, String eventTeam, EventContext ctx) {
    if (payloadTeam != null) {
      return payloadTeam;
    }
    return eventTeam != null ? eventTeam : ctx.getTeamId();
  }
}
