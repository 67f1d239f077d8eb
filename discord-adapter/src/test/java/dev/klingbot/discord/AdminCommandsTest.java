package dev.klingbot.discord;

import static dev.klingbot.discord.DiscordMocks.ALICE;
import static dev.klingbot.discord.DiscordMocks.BOB;
import static dev.klingbot.discord.DiscordMocks.CAROL_ADMIN;
import static dev.klingbot.discord.DiscordMocks.CHANNEL;
import static dev.klingbot.discord.DiscordMocks.channel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.discord.DiscordMocks.Answers;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /kling-admin} through the listener: the run-time admin check and each command. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminCommandsTest {
  @AutoClose private final Harness harness = new Harness();

  @Test
  void aMemberWithoutManageServerIsRefusedEvenIfDiscordShowedThemTheCommand() {
    Answers answers = new Answers();

    harness.admin(BOB, answers, "quota", "set", Map.of("setting", "daily", "value", "500"));

    assertThat(answers.acknowledgements).containsExactly("deferReply(true)");
    assertThat(answers.only()).contains("Only members with the Manage Server permission");
    assertThat(answers.allEphemeral()).isTrue();
    Answers show = asAdmin("quota", "show", Map.of());
    assertThat(show.only()).doesNotContain("**daily** = 500 units");
  }

  @Test
  void anAdminChangesAndShowsTheServerQuota() {
    Answers set = asAdmin("quota", "set", Map.of("setting", "daily", "value", "50"));
    assertThat(set.only()).isEqualTo("✅ **daily** is now 50 for this server.");

    Answers show = asAdmin("quota", "show", Map.of());
    assertThat(show.only()).contains("**daily** = 50 units —");
    assertThat(show.allEphemeral()).isTrue();

    Answers reset = asAdmin("quota", "reset", Map.of("setting", "daily"));
    assertThat(reset.only()).contains("back to the default");

    Answers wrong = asAdmin("quota", "set", Map.of("setting", "pro", "value", "maybe"));
    assertThat(wrong.only()).startsWith("⚠️ ").contains("not on or off");
  }

  @Test
  void anAdminGivesAMemberTheirOwnDailyLimit() {
    Answers set = asAdmin("quota", "user", Map.of("member", "302", "units", 10));
    assertThat(set.only()).isEqualTo("✅ <@302> may now spend 10 units per day.");
    assertThat(set.messages.get(0).posted.mentionedUsers()).isEmpty();

    Answers show = asAdmin("quota", "user", Map.of("member", "302"));
    assertThat(show.only()).contains("of 10 units today (their own limit)");

    Answers reset = asAdmin("quota", "user", Map.of("member", "302", "reset", true));
    assertThat(reset.only()).contains("per-member limit again");
  }

  @Test
  void allowedChannelsLimitWhereEditsStart() {
    Answers add = asAdmin("channels", "add", Map.of("channel", "555"));
    assertThat(add.only()).contains("only in: <#555>");
    try {
      Answers refused = new Answers();
      harness.kling(
          ALICE, channel(CHANNEL), refused, "edit", harness.editOptions("remove the ball"));
      assertThat(refused.only()).contains("can't be started in this channel").contains("<#555>");
    } finally {
      Answers clear = asAdmin("channels", "clear", Map.of());
      assertThat(clear.only()).contains("every channel");
    }
  }

  @Test
  void costsTemplatesAndUsageWithAChartForAMonth() {
    Answers costs = asAdmin(null, "costs", Map.of());
    assertThat(costs.only()).contains("💰 **Cost per edit**").contains("```");

    Answers template =
        asAdmin(
            "template",
            "set",
            Map.of("mode", "removal", "template", "Erase {element} from <<<video_1>>>"));
    assertThat(template.only()).contains("removal template");
    Answers bad = asAdmin("template", "set", Map.of("mode", "removal", "template", "no video"));
    assertThat(bad.only()).startsWith("⚠️ That removal template can't be used");
    Answers reset = asAdmin("template", "reset", Map.of("mode", "removal"));
    assertThat(reset.only()).contains("back to the default");

    Answers usage = asAdmin(null, "usage", Map.of());
    String month = YearMonth.now(ZoneOffset.UTC).toString();
    assertThat(usage.only()).startsWith("📈 **Usage " + month + "**");
    Posted chart = usage.messages.get(0).posted;
    assertThat(chart.fileNames()).containsExactly("usage-" + month + ".png");
    assertThat(chart.fileData().get(0)).startsWith(0x89, 'P', 'N', 'G');
    assertThat(usage.allEphemeral()).isTrue();

    Answers week = asAdmin(null, "usage", Map.of("period", "week"));
    assertThat(week.messages.get(0).posted.fileNames()).isEmpty();

    Answers help = asAdmin(null, "help", Map.of());
    assertThat(help.only()).contains("/kling-admin quota show");
  }

  /** {@code /kling-admin [group] subcommand} run by a server admin; how the bot answered. */
  private Answers asAdmin(String group, String subcommand, Map<String, Object> options) {
    Answers answers = new Answers();
    harness.admin(CAROL_ADMIN, answers, group, subcommand, options);
    return answers;
  }
}
