package dev.klingbot.discord;

/** What the operator reads when the Discord bot cannot start: each names the setting to fix. */
final class StartMessages {
  private StartMessages() {}

  /** Discord answered 401 to the token. */
  static String tokenRefused() {
    return "Discord refused the bot token. Set discord.token (DISCORD_TOKEN) to the token on the"
        + " Bot page of the application in the Discord Developer Portal (Reset Token gives a new"
        + " one).";
  }
}
