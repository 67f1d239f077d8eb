package dev.klingbot.discord;

import java.util.EnumSet;
import java.util.Set;
import net.dv8tion.jda.api.Permission;

/**
 * The permissions the bot needs in a server, and the invite link that asks for them with the {@code
 * bot} and {@code applications.commands} scopes.
 */
final class BotPermissions {
  /** View Channels, Send Messages (and in threads), Create Public Threads, Attach Files, etc. */
  static final Set<Permission> REQUIRED =
      EnumSet.of(
          Permission.VIEW_CHANNEL,
          Permission.MESSAGE_SEND,
          Permission.MESSAGE_SEND_IN_THREADS,
          Permission.CREATE_PUBLIC_THREADS,
          Permission.MESSAGE_ATTACH_FILES,
          Permission.MESSAGE_EMBED_LINKS,
          Permission.MESSAGE_HISTORY);

  private BotPermissions() {}

  /** The permission integer of {@link #REQUIRED} (309237763072). */
  static long raw() {
    return Permission.getRaw(REQUIRED);
  }

  static String inviteUrl(String applicationId) {
    return "https://discord.com/oauth2/authorize?client_id="
        + applicationId
        + "&scope=bot+applications.commands&permissions="
        + raw();
  }
}
