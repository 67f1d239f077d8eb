package dev.klingbot.discord;

import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.workflow.EditException;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.interactions.Interaction;

/**
 * Who is asking, from a Discord interaction: the server, the channel (a thread's parent channel,
 * with the thread apart), the member, whether they are an admin (the Manage Server permission) and
 * the language of their Discord client.
 */
final class Requesters {
  /** The permission that makes a member a bot admin. */
  static final Permission ADMIN_PERMISSION = Permission.MANAGE_SERVER;

  private Requesters() {}

  static Requester from(Interaction interaction, MessageChannelUnion channel) {
    Guild guild = interaction.getGuild();
    if (guild == null) {
      throw new EditException(
          EditException.Kind.NOT_ALLOWED, Messages.text("discord.servers-only"));
    }
    String channelId = channel != null ? channel.getId() : interaction.getChannelId();
    String threadId = null;
    if (channel != null && channel.getType().isThread()) {
      ThreadChannel thread = channel.asThreadChannel();
      threadId = thread.getId();
      channelId = thread.getParentChannel().getId();
    }
    User user = interaction.getUser();
    Member member = interaction.getMember();
    String name = member != null ? member.getEffectiveName() : user.getEffectiveName();
    boolean admin = member != null && member.hasPermission(ADMIN_PERMISSION);
    // Discord says which language the person's client is set to; the bot answers in it when it
    // speaks it (else the server's choice)
    return new Requester(
        Platform.DISCORD,
        guild.getId(),
        channelId,
        threadId,
        user.getId(),
        name,
        admin,
        interaction.getUserLocale() == null ? null : interaction.getUserLocale().getLocale());
  }
}
