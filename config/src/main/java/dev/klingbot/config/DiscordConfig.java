package dev.klingbot.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The Discord bot.
 *
 * @param token the bot token from the Discord developer portal; Discord is started only when set
 * @param devGuildId when set, slash commands are registered to this one server (instant, for
 *     development) instead of globally
 * @param shardTotal how many shards all bot processes together run; 0 lets Discord decide (its
 *     recommended count from {@code GET /gateway/bot}, as JDA's shard manager does by default)
 * @param shards the shards this process runs; {@code null} for all of them
 */
public record DiscordConfig(
    Secret token, String devGuildId, int shardTotal, ShardSelection shards) {

  @JsonCreator
  public DiscordConfig {
    devGuildId = Check.optional(devGuildId);
    if (devGuildId != null && !devGuildId.matches("\\d{5,25}")) {
      throw new ConfigException(
          "dev-guild-id", "is '" + devGuildId + "'; allowed: a numeric Discord server id");
    }
    if (shardTotal < 0) {
      throw new ConfigException(
          "shard-total", "is " + shardTotal + "; allowed: 0 (Discord's recommended count) or more");
    }
    if (shards != null && shardTotal == 0) {
      throw new ConfigException(
          "shards",
          shards
              + " needs discord.shard-total, the number of shards of all processes together"
              + " (e.g. "
              + (shards.highest() + 1)
              + " or more)");
    }
    if (shards != null && shards.highest() >= shardTotal) {
      throw new ConfigException(
          "shards",
          shards
              + " is outside discord.shard-total "
              + shardTotal
              + ": use "
              + (shardTotal == 1 ? "shard 0" : "shards between 0 and " + (shardTotal - 1)));
    }
  }

  /** A bot with all shards in this process, as many as Discord recommends. */
  public DiscordConfig(Secret token, String devGuildId) {
    this(token, devGuildId, 0, null);
  }

  public static DiscordConfig defaults() {
    return new DiscordConfig(null, null);
  }

  public boolean enabled() {
    return token != null;
  }

  /**
   * The shard ids this process runs, ascending; empty when it runs all of them (the total then
   * comes from {@link #shardTotal()} or, when that is 0, from Discord).
   */
  public List<Integer> shardIds() {
    if (shards != null) {
      return shards.ids();
    }
    return shardTotal == 0 ? List.of() : IntStream.range(0, shardTotal).boxed().toList();
  }
}
