package dev.klingbot.core.edit;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.Conversation;

/** Who started an edit and where its conversation (thread) is. */
public record Origin(
    Platform platform,
    String serverId,
    String channelId,
    String threadId,
    String userId,
    String userName) {

  public Origin {
    requireNonNull(platform, "platform is null");
    requireNonNull(serverId, "serverId is null");
    requireNonNull(channelId, "channelId is null");
    requireNonNull(userId, "userId is null");
    requireNonNull(userName, "userName is null");
  }

  public static Origin of(Requester requester) {
    return new Origin(
        requester.platform(),
        requester.serverId(),
        requester.channelId(),
        requester.threadId(),
        requester.userId(),
        requester.userName());
  }

  /** The edit's owner as a requester (the signed editor link acts for them). */
  public Requester owner() {
    return new Requester(platform, serverId, channelId, threadId, userId, userName, false);
  }

  public Conversation conversation() {
    return new Conversation(platform, serverId, channelId, threadId);
  }

  public Origin withThread(String newThreadId) {
    return new Origin(platform, serverId, channelId, newThreadId, userId, userName);
  }
}
