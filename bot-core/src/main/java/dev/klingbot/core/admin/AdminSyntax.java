package dev.klingbot.core.admin;

import dev.klingbot.core.Platform;

/**
 * How admin commands are typed on each platform, for the hints in admin messages: Discord's {@code
 * /kling-admin quota set setting:daily value:50}, Slack's {@code /kling admin quota set daily 50},
 * the console's {@code admin quota set daily 50}.
 */
public final class AdminSyntax {
  private final Platform platform;

  private AdminSyntax(Platform platform) {
    this.platform = platform;
  }

  public static AdminSyntax of(Platform platform) {
    return new AdminSyntax(platform);
  }

  public String quotaSet(String setting, String value) {
    return platform == Platform.DISCORD
        ? code("/kling-admin quota set setting:" + setting + " value:" + value)
        : text("quota set " + setting + " " + value);
  }

  public String quotaReset(String setting) {
    return platform == Platform.DISCORD
        ? code("/kling-admin quota reset setting:" + setting)
        : text("quota reset " + setting);
  }

  public String channelsAdd(String channel) {
    return platform == Platform.DISCORD
        ? code("/kling-admin channels add channel:" + channel)
        : text("channels add " + channel);
  }

  public String channelsRemove(String channel) {
    return platform == Platform.DISCORD
        ? code("/kling-admin channels remove channel:" + channel)
        : text("channels remove " + channel);
  }

  public String channelsClear() {
    return platform == Platform.DISCORD
        ? code("/kling-admin channels clear")
        : text("channels clear");
  }

  public String templateSet(String mode, String template) {
    return platform == Platform.DISCORD
        ? code("/kling-admin template set mode:" + mode + " template:" + template)
        : text("template set " + mode + " " + template);
  }

  public String templateReset(String mode) {
    return platform == Platform.DISCORD
        ? code("/kling-admin template reset mode:" + mode)
        : text("template reset " + mode);
  }

  private String text(String command) {
    return switch (platform) {
      case SLACK -> code("/kling admin " + command);
      default -> code("admin " + command);
    };
  }

  private static String code(String command) {
    return "`" + command + "`";
  }
}
