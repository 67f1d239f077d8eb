package dev.klingbot.core.admin;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.conversation.CommandSyntax;
import dev.klingbot.core.conversation.EditCommand.Admin;

/**
 * Admin commands as hints in admin messages, in the front-end's own syntax (Discord's {@code
 * /kling-admin quota set setting:daily value:50}, Slack's {@code /kling admin quota set daily 50},
 * the console's {@code admin quota set daily 50}).
 */
public final class AdminSyntax {
  private final CommandSyntax syntax;

  private AdminSyntax(CommandSyntax syntax) {
    this.syntax = requireNonNull(syntax, "syntax is null");
  }

  public static AdminSyntax of(CommandSyntax syntax) {
    return new AdminSyntax(syntax);
  }

  public String quotaSet(String setting, String value) {
    return syntax.show(new Admin.QuotaSet(setting, value));
  }

  public String quotaReset(String setting) {
    return syntax.show(new Admin.QuotaReset(setting));
  }

  public String channelsAdd(String channel) {
    return syntax.show(new Admin.ChannelAdd(channel));
  }

  public String channelsRemove(String channel) {
    return syntax.show(new Admin.ChannelRemove(channel));
  }

  public String channelsClear() {
    return syntax.show(new Admin.ChannelsClear());
  }

  public String templateSet(String mode, String template) {
    return syntax.show(new Admin.TemplateSet(mode, template));
  }

  public String templateReset(String mode) {
    return syntax.show(new Admin.TemplateReset(mode));
  }
}
