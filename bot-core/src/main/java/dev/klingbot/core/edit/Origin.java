package dev.klingbot.core.edit;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.Conversation;

/**
 * Who started an edit and where its conversation (thread) is.
 *
 * @param language the code of the language the edit's messages are in ({@code en}, {@code zh}): the
 *     one spoken to the person who started it; {@code null} for edits stored before languages (they
 *     follow the server's choice)
 */
public record Origin(
    Platform platform,
    String serverId,
    String channelId,
    String threadId,
    String userId,
    String userName,
    String language) {

  public Origin {
    requireNonNull(platform, "platform is null");
    requireNonNull(serverId, "serverId is null");
    requireNonNull(channelId, "channelId is null");
    requireNonNull(userId, "userId is null");
    requireNonNull(userName, "userName is null");
  }

  /** An origin whose language is not known (it follows the server's choice). */
  public Origin(
      Platform platform,
      String serverId,
      String channelId,
      String threadId,
      String userId,
      String userName) {
    this(platform, serverId, channelId, threadId, userId, userName, null);
  }

  /** Where {@code requester} asks, in the language being spoken to them now. */
  public static Origin of(Requester requester) {
    return new Origin(
        requester.platform(),
        requester.serverId(),
        requester.channelId(),
        requester.threadId(),
        requester.userId(),
        requester.userName(),
        dev.klingbot.core.i18n.Messages.current().code());
  }

  /** The edit's owner as a requester (the signed editor link acts for them). */
  public Requester owner() {
    return new Requester(
        platform, serverId, channelId, threadId, userId, userName, false, language);
  }

  /** The language the edit's messages are in, when it was stored with one. */
  public java.util.Optional<dev.klingbot.core.i18n.Lang> lang() {
    return dev.klingbot.core.i18n.Lang.of(language);
  }

  public Conversation conversation() {
    return new Conversation(platform, serverId, channelId, threadId);
  }

  public Origin withThread(String newThreadId) {
    return new Origin(platform, serverId, channelId, newThreadId, userId, userName, language);
  }
}
