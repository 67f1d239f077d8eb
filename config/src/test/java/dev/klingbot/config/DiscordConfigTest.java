package dev.klingbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Discord's keys, above all the shard range one process runs. */
class DiscordConfigTest {
  private final ConfigLoader loader = new ConfigLoader();

  @Test
  void byDefaultOneProcessRunsAllTheShardsDiscordRecommends() {
    DiscordConfig discord = loader.parse("", Map.of()).discord();

    assertThat(discord.shardTotal()).isZero();
    assertThat(discord.shards()).isNull();
    assertThat(discord.shardIds()).isEmpty();
    assertThat(discord).isEqualTo(DiscordConfig.defaults());
  }

  @Test
  void everyKeyMapsFromTheFile() {
    String yaml =
        """
        discord:
          token: bot-token-value
          dev-guild-id: "123456789012345678"
          shard-total: 4
          shards: 0-1
        """;

    DiscordConfig discord = loader.parse(yaml, Map.of()).discord();

    assertThat(discord.token().reveal()).isEqualTo("bot-token-value");
    assertThat(discord.devGuildId()).isEqualTo("123456789012345678");
    assertThat(discord.shardTotal()).isEqualTo(4);
    assertThat(discord.shardIds()).containsExactly(0, 1);
  }

  @Test
  void aShardTotalAloneRunsAllItsShardsInThisProcess() {
    DiscordConfig discord = loader.parse("discord:\n  shard-total: 3\n", Map.of()).discord();

    assertThat(discord.shards()).isNull();
    assertThat(discord.shardIds()).containsExactly(0, 1, 2);
  }

  @Test
  void shardsAreASingleShardARangeOrAList() {
    assertThat(shards("2")).containsExactly(2);
    assertThat(shards("0-3")).containsExactly(0, 1, 2, 3);
    assertThat(shards("0,2-3")).containsExactly(0, 2, 3);
    assertThat(shards("\"3, 0-1\"")).containsExactly(0, 1, 3);
    assertThat(shards("[0, 2-3]")).containsExactly(0, 2, 3);
  }

  @Test
  void shardIdsAreDescribedAsShortAsTheyAreWritten() {
    assertThat(ShardSelection.describe(java.util.List.of(3, 0, 1, 2, 5))).isEqualTo("0-3,5");
    assertThat(ShardSelection.describe(java.util.List.of(0))).isEqualTo("0");
  }

  @Test
  void bothKeysMapFromTheirEnvironmentVariables() {
    DiscordConfig shortNames =
        loader.parse("", Map.of("DISCORD_SHARD_TOTAL", "4", "DISCORD_SHARDS", "2-3")).discord();
    DiscordConfig generic =
        loader
            .parse(
                "discord:\n  shard-total: 2\n",
                Map.of("KLINGBOT_DISCORD_SHARD_TOTAL", "8", "KLINGBOT_DISCORD_SHARDS", "7"))
            .discord();

    assertThat(shortNames.shardTotal()).isEqualTo(4);
    assertThat(shortNames.shardIds()).containsExactly(2, 3);
    assertThat(generic.shardTotal()).isEqualTo(8);
    assertThat(generic.shardIds()).containsExactly(7);
  }

  @Test
  void theEffectiveConfigurationPrintsTheShardsAsWritten() {
    KlingbotConfig config =
        loader.parse("discord:\n  shard-total: 4\n  shards: 0, 2-3\n", Map.of());

    assertThat(new ConfigPrinter().toYaml(config))
        .contains("shard-total: 4")
        .contains("shards: \"0,2-3\"");
  }

  @Test
  void shardsOutsideTheTotalSayWhichOnesExist() {
    assertProblem(
        "discord:\n  shard-total: 4\n  shards: 5-7\n",
        "discord.shards 5-7 is outside discord.shard-total 4: use shards between 0 and 3");
    assertProblem(
        "discord:\n  shard-total: 1\n  shards: 1\n",
        "discord.shards 1 is outside discord.shard-total 1: use shard 0");
  }

  @Test
  void shardsWithoutATotalAskForIt() {
    assertProblem(
        "discord:\n  shards: 0-3\n",
        "discord.shards 0-3 needs discord.shard-total, the number of shards of all processes"
            + " together (e.g. 4 or more)");
  }

  @Test
  void badShardValuesNameTheKeyAndWhatIsAllowed() {
    assertProblem(
        "discord:\n  shard-total: 4\n  shards: first\n",
        "discord.shards is 'first'; allowed: a shard like 2, a range like 0-3, or a list like"
            + " 0,2-3");
    assertProblem(
        "discord:\n  shard-total: 4\n  shards: 3-1\n",
        "discord.shards 3-1 runs backwards: write the lower shard first, like 1-3");
    assertProblem(
        "discord:\n  shard-total: -1\n",
        "discord.shard-total is -1; allowed: 0 (Discord's recommended count) or more");
    assertThatThrownBy(() -> loader.parse("", Map.of("DISCORD_SHARDS", "0-2;5")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("discord.shards is '0-2;5'; allowed:");
  }

  private java.util.List<Integer> shards(String value) {
    return loader
        .parse("discord:\n  shard-total: 4\n  shards: " + value + "\n", Map.of())
        .discord()
        .shardIds();
  }

  private void assertProblem(String yaml, String expected) {
    assertThatThrownBy(() -> loader.parse(yaml, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(expected);
  }
}
