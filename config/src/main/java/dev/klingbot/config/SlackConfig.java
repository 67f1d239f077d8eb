package dev.klingbot.config;

import java.util.List;
import java.util.Set;

/**
 * The Slack app.
 *
 * @param botToken {@code xoxb-...}; Slack is started only when set
 * @param appToken {@code xapp-...}, needed for Socket Mode
 * @param signingSecret verifies requests in HTTP mode
 * @param mode {@code socket} (no public URL needed) or {@code http}
 * @param adminUserIds Slack user ids that may use admin commands besides workspace admins
 * @param apiUrl where the Web API methods are ({@code <api-url>/chat.postMessage}); Slack's own
 *     {@value #SLACK_API_URL} unless a test points the bot at a fake Slack
 */
public record SlackConfig(
    Secret botToken,
    Secret appToken,
    Secret signingSecret,
    String mode,
    List<String> adminUserIds,
    String apiUrl) {
  public static final String SLACK_API_URL = "https://slack.com/api";

  public SlackConfig {
    apiUrl = apiUrl == null || apiUrl.isBlank() ? SLACK_API_URL : Check.httpUrl("api-url", apiUrl);
    mode = Check.oneOf("mode", mode == null ? "socket" : mode, Set.of("socket", "http"));
    adminUserIds =
        adminUserIds == null
            ? List.of()
            : adminUserIds.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (botToken != null && mode.equals("socket") && appToken == null) {
      throw new ConfigException(
          "app-token",
          "is empty; Socket Mode needs an app-level token (xapp-...), or set slack.mode to http");
    }
    if (botToken != null && mode.equals("http") && signingSecret == null) {
      throw new ConfigException(
          "signing-secret", "is empty; HTTP mode needs the app's signing secret");
    }
  }

  /** A Slack app on slack.com. */
  public SlackConfig(
      Secret botToken,
      Secret appToken,
      Secret signingSecret,
      String mode,
      List<String> adminUserIds) {
    this(botToken, appToken, signingSecret, mode, adminUserIds, SLACK_API_URL);
  }

  public static SlackConfig defaults() {
    return new SlackConfig(null, null, null, "socket", List.of(), SLACK_API_URL);
  }

  public boolean enabled() {
    return botToken != null;
  }
}
