package dev.klingbot.slack;

import static java.util.Objects.requireNonNull;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.File;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.MessageRef;
import dev.klingbot.core.chat.WorkQueue;
import dev.klingbot.core.conversation.Actor;
import dev.klingbot.core.conversation.CommandGrammar;
import dev.klingbot.core.conversation.ConversationHandler;
import dev.klingbot.core.conversation.EditCommand;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.workflow.EditException;
import dev.klingbot.core.workflow.MediaSource;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Events API side: a mention with a video starts an edit in that message's thread; a mention or
 * a reply in an edit's thread runs a thread command. Replies with a subtype ({@code
 * thread_broadcast}, {@code file_share}) count as replies, a {@code file_share} that mentions the
 * bot as a mention. Every event is acted on once (by event id, and a mention once per message),
 * remembered in the database across restarts. All acknowledge at once and work on the {@link
 * WorkQueue}.
 */
final class EventHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(EventHandlers.class);

  private final ConversationHandler conversation;
  private final UserDirectory users;
  private final SlackChat chat;
  private final SlackFiles files;
  private final WorkQueue queue;
  private final SeenEvents seen;
  private final long maxVideoBytes;
  private final long maxImageBytes;

  EventHandlers(
      ConversationHandler conversation,
      UserDirectory users,
      SlackChat chat,
      SlackFiles files,
      WorkQueue queue,
      SeenEvents seen,
      long maxVideoBytes,
      long maxImageBytes) {
    this.conversation = requireNonNull(conversation, "conversation is null");
    this.users = requireNonNull(users, "users is null");
    this.chat = requireNonNull(chat, "chat is null");
    this.files = requireNonNull(files, "files is null");
    this.queue = requireNonNull(queue, "queue is null");
    this.seen = requireNonNull(seen, "seen is null");
    this.maxVideoBytes = maxVideoBytes;
    this.maxImageBytes = maxImageBytes;
  }

  Response onMention(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
    AppMentionEvent event = payload.getEvent();
    if (event.getUser() == null
        || event.getBotId() != null
        || event.getUser().equals(ctx.getBotUserId())
        || !seen.event(payload.getEventId())) {
      return ctx.ack();
    }
    String teamId = teamId(payload.getTeamId(), event.getTeam(), ctx);
    if (event.getEdited() != null) {
      editedMention(teamId, event);
      return ctx.ack();
    }
    mention(
        teamId,
        new Message(
            event.getChannel(),
            event.getTs(),
            event.getThreadTs(),
            event.getUser(),
            event.getText(),
            event.getFiles()),
        ctx);
    return ctx.ack();
  }

  /** A plain message: a thread reply may be a thread command. */
  Response onMessage(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
    MessageEvent event = payload.getEvent();
    if (event.getBotId() != null) {
      return ctx.ack();
    }
    reply(
        teamId(payload.getTeamId(), event.getTeam(), ctx),
        payload.getEventId(),
        new Message(
            event.getChannel(),
            event.getTs(),
            event.getThreadTs(),
            event.getUser(),
            event.getText(),
            List.of()),
        ctx);
    return ctx.ack();
  }

  /** A thread reply with "Also send to channel": to the bot, a thread reply like any other. */
  Response onThreadBroadcast(
      EventsApiPayload<MessageThreadBroadcastEvent> payload, EventContext ctx) {
    MessageThreadBroadcastEvent event = payload.getEvent();
    reply(
        teamId(payload.getTeamId(), null, ctx),
        payload.getEventId(),
        new Message(
            event.getChannel(),
            event.getTs(),
            event.getThreadTs(),
            event.getUser(),
            event.getText(),
            List.of()),
        ctx);
    return ctx.ack();
  }

  /**
   * A message with files. When it mentions the bot it is a mention (Slack may send a mention that
   * comes with a brand-new upload only this way); otherwise, in a thread, a thread reply.
   */
  Response onFileShare(EventsApiPayload<MessageFileShareEvent> payload, EventContext ctx) {
    MessageFileShareEvent event = payload.getEvent();
    Message message =
        new Message(
            event.getChannel(),
            event.getTs(),
            event.getThreadTs(),
            event.getUser(),
            event.getText(),
            event.getFiles());
    String teamId = teamId(payload.getTeamId(), null, ctx);
    if (mentionsBot(event.getText(), ctx)) {
      if (event.getUser() != null
          && !event.getUser().equals(ctx.getBotUserId())
          && seen.event(payload.getEventId())) {
        mention(teamId, message, ctx);
      }
      return ctx.ack();
    }
    reply(teamId, payload.getEventId(), message, ctx);
    return ctx.ack();
  }

  /** What the handlers need of any message event. */
  private record Message(
      String channel, String ts, String threadTs, String user, String text, List<File> files) {
    Message {
      files = files == null ? List.of() : List.copyOf(files);
    }
  }

  /**
   * A mention, from {@code app_mention} or a {@code file_share} message: acted on once per message
   * (channel and ts), whichever of the two arrives first.
   */
  private void mention(String teamId, Message message, EventContext ctx) {
    if (!seen.mention(teamId, message.channel(), message.ts())) {
      return;
    }
    String thread = message.threadTs() != null ? message.threadTs() : message.ts();
    String text = Mrkdwn.unescape(Mrkdwn.withoutMention(message.text(), ctx.getBotUserId()));
    String channel = message.channel();
    String user = message.user();
    List<File> shared = message.files();
    boolean inThread = message.threadTs() != null;
    queue.submit(
        channel + ":" + thread,
        () -> {
          Requester who;
          try {
            who = users.requester(teamId, channel, thread, user);
          } catch (RuntimeException e) {
            LOG.warn("A mention by {} could not be answered: {}", user, e.toString());
            return;
          }
          conversation.answer(
              who,
              SlackReplies.ephemeral(chat, who),
              "mention by " + user,
              () -> mentioned(who, inThread, text, shared));
        });
  }

  /** Slack sends {@code app_mention} again when the message is edited: say why nothing changes. */
  private void editedMention(String teamId, AppMentionEvent event) {
    String channel = event.getChannel();
    String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
    String user = event.getUser();
    queue.submit(
        channel + ":" + thread,
        () -> {
          try {
            Requester who = users.requester(teamId, channel, thread, user);
            try (Messages.Scope lang = Messages.use(conversation.language(who))) {
              SlackReplies.ephemeral(chat, who)
                  .privately(ChatMessage.ephemeral(Messages.text("slack.edited")));
            }
          } catch (RuntimeException e) {
            LOG.warn("Could not answer an edited mention by {}: {}", user, e.toString());
          }
        });
  }

  /** A reply in a thread: a thread command when it is one and the thread is an edit's. */
  private void reply(String teamId, String eventId, Message message, EventContext ctx) {
    String text = Mrkdwn.unescape(message.text());
    if (message.threadTs() == null
        || message.user() == null
        || message.user().equals(ctx.getBotUserId())
        || mentionsBot(message.text(), ctx)
        || !CommandGrammar.startsWithVerb(text)
        || !seen.event(eventId)) {
      return;
    }
    String channel = message.channel();
    String thread = message.threadTs();
    String user = message.user();
    queue.submit(channel + ":" + thread, () -> inThread(teamId, channel, thread, user, text));
  }

  private static boolean mentionsBot(String text, EventContext ctx) {
    return ctx.getBotUserId() != null && String.valueOf(text).contains("<@" + ctx.getBotUserId());
  }

  private void mentioned(Requester who, boolean inThread, String text, List<File> placeholders) {
    List<File> shared = placeholders.stream().map(files::resolve).toList();
    File video = shared.stream().filter(SlackFiles::isVideo).findFirst().orElse(null);
    if (video == null) {
      boolean command =
          inThread
              && CommandGrammar.startsWithVerb(text)
              && inThread(who.serverId(), who.channelId(), who.threadId(), who.userId(), text);
      if (!command) {
        chat.post(
            who.conversation(),
            ChatMessage.text(Messages.text("slack.how-to", SlackChat.howToStart())));
      }
      return;
    }
    CommandGrammar.StartOptions options = CommandGrammar.startOptions(text, 0);
    if (options.instruction().isBlank()) {
      throw new EditException(
          EditException.Kind.INSTRUCTION, Messages.text("slack.start.no-instruction"));
    }
    List<File> images = shared.stream().filter(SlackFiles::isImage).limit(2).toList();
    SlackFiles.precheck(video, maxVideoBytes, "video");
    images.forEach(image -> SlackFiles.precheck(image, maxImageBytes, "image"));
    start(who, video, images, options);
  }

  private void start(
      Requester who, File video, List<File> images, CommandGrammar.StartOptions options) {
    MessageRef placeholder =
        chat.post(
            who.conversation(),
            ChatMessage.text(
                video.getName() == null
                    ? Messages.text("slack.start.downloading.unnamed")
                    : Messages.text("slack.start.downloading", video.getName())));
    List<MediaSource.File> downloaded = new ArrayList<>();
    boolean replaced = false;
    try {
      MediaSource.File source = files.download(video, maxVideoBytes, "video");
      downloaded.add(source);
      List<MediaSource> pictures = new ArrayList<>();
      for (File image : images) {
        MediaSource.File picture = files.download(image, maxImageBytes, "image");
        downloaded.add(picture);
        pictures.add(picture);
      }
      SlackReplies replies = SlackReplies.ephemeral(chat, who).replacing(placeholder);
      conversation.handle(
          Actor.of(who),
          new EditCommand.Start(
              source, options.instruction(), pictures, options.mode(), options.negative()),
          replies);
      replaced = replies.replacedPlaceholder();
    } finally {
      downloaded.forEach(files::discard);
      if (!replaced) {
        deleteQuietly(placeholder);
      }
    }
  }

  private void deleteQuietly(MessageRef message) {
    try {
      chat.delete(message);
    } catch (RuntimeException e) {
      LOG.debug("Could not delete message {}: {}", message.id(), e.getMessage());
    }
  }

  /**
   * Runs a command typed in an edit's thread, read with the core's grammar ({@code select C4 D4},
   * {@code preview}, …).
   *
   * @return false when the thread belongs to no edit (the message is not for the bot)
   */
  private boolean inThread(
      String teamId, String channelId, String threadTs, String userId, String text) {
    Requester who = users.requester(teamId, channelId, threadTs, userId);
    if (!conversation.inEditThread(who)) {
      return false;
    }
    conversation.handleTyped(Actor.of(who), text, SlackReplies.ephemeral(chat, who));
    return true;
  }

  private static String teamId(String payloadTeam, String eventTeam, EventContext ctx) {
    if (payloadTeam != null) {
      return payloadTeam;
    }
    return eventTeam != null ? eventTeam : ctx.getTeamId();
  }
}
