package dev.klingbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.discord.fake.FakeDiscord;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.junit.jupiter.api.Test;

/** The real JDA logs in to the fake Discord and sees its server as Discord would show it. */
class FakeDiscordConnectionTest {

  @Test
  void jdaBecomesReadyAndCachesTheServerItsChannelAndItsOwnMember() throws Exception {
    try (FakeDiscord discord = new FakeDiscord().start()) {
      JDA jda = lightJda(discord);
      try {
        jda.awaitReady();

        assertThat(jda.getSelfUser().getId()).isEqualTo(discord.botId);
        assertThat(jda.getSelfUser().getApplicationId()).isEqualTo(discord.applicationId);
        assertThat(jda.getGuildById(discord.guildId)).isNotNull();
        assertThat(jda.getTextChannelById(discord.channelId).getName()).isEqualTo("edits");
        assertThat(jda.getGuildById(discord.guildId).getSelfMember().getRoles())
            .extracting(r -> r.getId())
            .containsExactly(discord.botRoleId);
        // JDA always asks for the GUILDS intent (1), no privileged one
        assertThat(discord.identifies()).singleElement().asString().contains("\"intents\":1,");
        assertThat(discord.calls()).extracting(c -> c.route()).contains("GET users/@me");
        // a single JDA takes its gateway from the session controller; a shard manager asks REST
        assertThat(new SessionControllerAdapter().getShardedGateway(jda).getUrl())
            .isEqualTo(discord.gatewayUrl());
      } finally {
        jda.shutdownNow();
      }
    }
  }

  @Test
  void jdaHeartbeatsAtTheIntervalHelloGivesAndSeesTheAcknowledgements() throws Exception {
    try (FakeDiscord discord = new FakeDiscord().start()) {
      discord.heartbeatInterval(Duration.ofMillis(1000));
      JDA jda = lightJda(discord);
      try {
        jda.awaitReady();
        Instant deadline = Instant.now().plusSeconds(10);
        while (discord.heartbeats() < 2 || jda.getGatewayPing() < 0) {
          assertThat(Instant.now()).as("heartbeats: " + discord.heartbeats()).isBefore(deadline);
          Thread.sleep(20);
        }
        assertThat(jda.getStatus()).isEqualTo(JDA.Status.CONNECTED);
      } finally {
        jda.shutdownNow();
      }
    }
  }

  @Test
  void aWrongTokenIsRefusedAtLogin() throws Exception {
    try (FakeDiscord discord = new FakeDiscord().start()) {
      JDABuilder builder =
          discord.configure(
              JDABuilder.createLight("not-the-token", EnumSet.noneOf(GatewayIntent.class)));

      org.assertj.core.api.Assertions.assertThatThrownBy(builder::build)
          .isInstanceOf(net.dv8tion.jda.api.exceptions.InvalidTokenException.class);
    }
  }

  /** A JDA without cache or intents, configured to log in to {@code discord}. */
  private static JDA lightJda(FakeDiscord discord) {
    return discord
        .configure(JDABuilder.createLight(FakeDiscord.TOKEN, EnumSet.noneOf(GatewayIntent.class)))
        .build();
  }
}
