package dev.klingbot.core.admin;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.conversation.CommandSyntax;
import dev.klingbot.core.conversation.EditCommand.Admin;
import dev.klingbot.core.i18n.Messages;

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

  private String quotaSet(String setting, String value) {
    return syntax.show(new Admin.QuotaSet(setting, value));
  }

  private String quotaReset(String setting) {
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

  private String templateSet(String mode, String template) {
    return syntax.show(new Admin.TemplateSet(mode, template));
  }

  private String templateReset(String mode) {
    return syntax.show(new Admin.TemplateReset(mode));
  }

  /** How to change a quota setting or put it back: the admin.quota.change sentence. */
  public String quotaChanges() {
    String setting = Messages.text("admin.placeholder.setting");
    return Messages.text(
        "admin.quota.change",
        quotaSet(setting, Messages.text("admin.placeholder.value")),
        quotaSet("daily", "50"),
        quotaReset(setting));
  }

  /** How to set a prompt template or put it back: the admin.templates.change sentence. */
  public String templateChanges() {
    String mode = Messages.text("admin.placeholder.mode");
    return Messages.text(
        "admin.templates.change",
        templateSet(mode, Messages.text("admin.placeholder.template")),
        templateReset(mode));
  }
}
