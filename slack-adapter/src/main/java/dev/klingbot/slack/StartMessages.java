package dev.klingbot.slack;

/** What the operator reads when the Slack bot cannot start: each names the setting to fix. */
final class StartMessages {
  private StartMessages() {}

  /** Slack refused the bot token (e.g. {@code invalid_auth}, {@code token_revoked}). */
  static String botTokenRefused(String error) {
    return "Slack refused the bot token ("
        + error
        + "). Set slack.bot-token (SLACK_BOT_TOKEN) to the Bot User OAuth Token (xoxb-...) on"
        + " the app's OAuth & Permissions page, and reinstall the app if it was revoked.";
  }

  /** Slack refused the app-level token Socket Mode connects with. */
  static String appTokenRefused(String error) {
    return "Slack refused the app-level token ("
        + error
        + "). Set slack.app-token (SLACK_APP_TOKEN) to an app-level token (xapp-...) with the"
        + " connections:write scope (Basic Information > App-Level Tokens), or set slack.mode to"
        + " http.";
  }

  /** Slack answered, but with a server error or a rate limit: worth trying again. */
  static String busy(String error) {
    return "Slack answered " + error;
  }
}
