package dev.klingbot.config;

/**
 * The Discord bot.
 *
 * @param token the bot token from the Discord developer portal; Discord is started only when set
 * @param devGuildId when set, slash commands are registered to this one server (instant, for
 *     development) instead of globally
 */
public record DiscordConfig(Secret token, String devGuildId) {

  public DiscordConfig {
    devGuildId = Check.optional(devGuildId);
    if (devGuildId != null && !devGuildId.matches("\\d{5,25}")) {
      throw new ConfigException(
          "dev-guild-id", "is '" + devGuildId + "'; allowed: a numeric Discord server id");
    }
  }

  public static DiscordConfig defaults() {
    return new DiscordConfig(null, null);
  }

  public boolean enabled() {
    return token != null;
  }
}
