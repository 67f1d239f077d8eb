package dev.klingbot.core.chat;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Platform;

/** Where to post: a channel, or a thread inside it when {@code threadId} is set. */
public record Conversation(Platform platform, String serverId, String channelId, String threadId) {

  public Conversation {
    requireNonNull(platform, "platform is null");
    requireNonNull(serverId, "serverId is null");
    requireNonNull(channelId, "channelId is null");
  }

  public Conversation inThread(String newThreadId) {
    return new Conversation(platform, serverId, channelId, newThreadId);
  }
}
