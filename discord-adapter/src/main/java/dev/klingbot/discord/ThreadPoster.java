package dev.klingbot.discord;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatException;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.Conversation;
import dev.klingbot.core.chat.MessageRef;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.workflow.Reply;
import java.util.List;
import java.util.Objects;
import net.dv8tion.jda.api.components.buttons.Button;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the answers about an edit go: its thread, as ordinary messages everyone in the thread sees
 * (ephemeral messages of a reply go to the requester alone). Opens the thread of a new edit.
 */
final class ThreadPoster {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadPoster.class);

  private final DiscordChat chat;
  private final DiscordGateway gateway;

  ThreadPoster(DiscordChat chat, DiscordGateway gateway) {
    this.chat = requireNonNull(chat, "chat is null");
    this.gateway = requireNonNull(gateway, "gateway is null");
  }

  /**
   * Opens a public thread for a new edit in the requester's channel (the parent channel when asked
   * inside a thread). Where Discord allows no thread, the edit lives in the conversation it was
   * started in.
   */
  Conversation openThread(Requester who, String title) {
    try {
      String threadId = gateway.createThread(who.channelId(), title);
      if (threadId != null) {
        return new Conversation(Platform.DISCORD, who.serverId(), who.channelId(), threadId);
      }
      LOG.info("Channel {} cannot hold threads; the edit stays in it", who.channelId());
    } catch (ChatException e) {
      LOG.warn("Could not open a thread in channel {}: {}", who.channelId(), e.getMessage());
    }
    return who.conversation();
  }

  /** Posts messages into a conversation; the first one mentions {@code userId}. */
  MessageRef postAll(Conversation where, List<ChatMessage> messages, String userId) {
    MessageRef first = null;
    for (ChatMessage message : messages) {
      MessageRef posted = chat.post(where, first == null ? message.mentioning(userId) : message);
      first = first == null ? posted : first;
    }
    return first;
  }

  /** Posts a reply about an edit into the edit's thread; ephemeral messages go to the requester. */
  void post(Requester who, Reply reply, PrivateReplies replies) {
    post(who, reply, replies, List.of());
  }

  /** Like {@link #post(Requester, Reply, PrivateReplies)}, with the adapter's own buttons. */
  void post(Requester who, Reply reply, PrivateReplies replies, List<Button> extraButtons) {
    Conversation where = where(who, reply);
    for (ChatMessage message : reply.messages()) {
      if (message.ephemeral()) {
        replies.send(message);
      } else {
        chat.post(where, message, extraButtons);
      }
    }
  }

  /** The short private confirmation after an edit's answer was posted in its thread. */
  static String doneText(Requester who, Reply reply) {
    Edit edit = reply.edit();
    String thread = edit == null ? null : edit.origin().threadId();
    if (thread == null || Objects.equals(thread, who.threadId())) {
      return "✅ Done.";
    }
    return "✅ Done — see <#" + thread + ">.";
  }

  private static Conversation where(Requester who, Reply reply) {
    return reply.edit() != null ? reply.edit().origin().conversation() : who.conversation();
  }
}
