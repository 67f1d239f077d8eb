package dev.klingbot.core;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.chat.Conversation;

/**
 * Who asks and where: the adapter builds one from its platform's event.
 *
 * @param serverId Discord guild id or Slack workspace (team) id; quotas are per server
 * @param channelId the channel the request was made in
 * @param threadId the thread, when the request was made inside one (else {@code null})
 * @param admin whether the user may use admin commands (Manage Server on Discord, workspace admin
 *     or listed id on Slack)
 * @param locale the language the platform says the person uses (Discord's interaction locale,
 *     Slack's user locale, e.g. {@code zh-CN}), or {@code null} when it does not say
 */
public record Requester(
    Platform platform,
    String serverId,
    String channelId,
    String threadId,
    String userId,
    String userName,
    boolean admin,
    String locale) {

  public Requester {
    requireNonNull(platform, "platform is null");
    requireNonNull(serverId, "serverId is null");
    requireNonNull(channelId, "channelId is null");
    requireNonNull(userId, "userId is null");
    userName =
        userName == null || userName.isBlank()
            ? userId
            : dev.klingbot.core.workflow.Texts.printable(userName);
  }

  /** The same request, with the language the platform says the person uses. */
  public Requester withLocale(String newLocale) {
    return new Requester(
        platform, serverId, channelId, threadId, userId, userName, admin, newLocale);
  }

  /** The conversation the request came from. */
  public Conversation conversation() {
    return new Conversation(platform, serverId, channelId, threadId);
  }

  /** The same person asking from another thread. */
  public Requester inThread(String newThreadId) {
    return new Requester(
        platform, serverId, channelId, newThreadId, userId, userName, admin, locale);
  }

  /** The same request with the admin flag set as given. */
  public Requester withAdmin(boolean isAdmin) {
    return new Requester(
        platform, serverId, channelId, threadId, userId, userName, isAdmin, locale);
  }
}
