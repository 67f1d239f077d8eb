package dev.klingbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import dev.klingbot.config.DiscordConfig;
import dev.klingbot.core.admin.AdminService;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.workflow.EditService;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;

/** The command definitions Discord receives, and the bot's entry point without a token. */
class KlingCommandsTest {

  @Test
  void klingHasEveryUserCommandWithEditIdsAutocompleted() {
    SlashCommandData kling = KlingCommands.kling();

    assertThat(kling.getName()).isEqualTo("kling");
    assertThat(kling.getContexts()).containsExactly(InteractionContextType.GUILD);
    assertThat(kling.getSubcommands())
        .extracting(SubcommandData::getName)
        .containsExactly(
            "edit",
            "select",
            "unselect",
            "clear",
            "grid",
            "preview",
            "submit",
            "cancel",
            "conform",
            "prompt",
            "again",
            "status",
            "history",
            "quota",
            "help");
    SubcommandData edit = kling.getSubcommands().get(0);
    assertThat(edit.getOptions())
        .extracting(OptionData::getName)
        .containsExactly("instruction", "video", "from", "image1", "image2", "mode", "negative");
    assertThat(edit.getOptions())
        .extracting(OptionData::isRequired)
        .containsExactly(true, false, false, false, false, false, false);
    assertThat(edit.getOptions().get(2).isAutoComplete())
        .as("from: suggests the person's edits")
        .isTrue();
    assertThat(kling.getSubcommands())
        .flatExtracting(SubcommandData::getOptions)
        .filteredOn(option -> option.getName().equals("edit"))
        .hasSize(11)
        .allSatisfy(option -> assertThat(option.isAutoComplete()).isTrue());
  }

  @Test
  void peopleWhoseDiscordIsInChineseSeeChineseDescriptionsAndTheSameCommandNames() {
    DataObject json = KlingCommands.kling().toData();

    assertThat(json.getString("description"))
        .isEqualTo("Edit a video with Kling from a plain-language instruction");
    assertThat(json.getObject("description_localizations").getString("zh-CN"))
        .isEqualTo("用一句话指令让 Kling 编辑视频");
    DataObject edit = json.getArray("options").getObject(0);
    assertThat(edit.getString("name")).isEqualTo("edit");
    assertThat(edit.getObject("description_localizations").getString("zh-CN"))
        .isEqualTo("开始编辑：一个视频（或之前的结果）和要改什么");
    DataObject points = json.getArray("options").getObject(1).getArray("options").getObject(0);
    assertThat(points.getString("name")).isEqualTo("points");
    assertThat(points.getObject("description_localizations").getString("zh-CN"))
        .as("an option shared by several commands")
        .isEqualTo("网格格子如 C4 D4，或坐标 0.42,0.55");
    assertThat(edit.getObject("name_localizations").toMap())
        .as("names are typed, so they stay English")
        .isEmpty();
    DataObject admin = KlingCommands.admin().toData();
    assertThat(admin.getObject("description_localizations").getString("zh-TW"))
        .isEqualTo("Kling 机器人的服务器设置（管理员）");
  }

  @Test
  void adminIsShownOnlyToManageServerByDefault() {
    SlashCommandData admin = KlingCommands.admin();

    assertThat(admin.getName()).isEqualTo("kling-admin");
    assertThat(admin.getDefaultPermissions().getPermissionsRaw())
        .isEqualTo(Permission.MANAGE_SERVER.getRawValue());
    assertThat(admin.getContexts()).containsExactly(InteractionContextType.GUILD);
    assertThat(admin.getSubcommandGroups())
        .extracting(SubcommandGroupData::getName)
        .containsExactly("quota", "channels", "template", "language");
    assertThat(admin.getSubcommands())
        .extracting(SubcommandData::getName)
        .containsExactly("costs", "usage", "help");
    assertThat(
            admin
                .getSubcommandGroups()
                .get(0)
                .getSubcommands()
                .get(1)
                .getOptions()
                .get(0)
                .getChoices())
        .extracting(choice -> choice.getAsString())
        .contains("daily", "monthly", "user-daily", "pro", "timezone");
  }

  @Test
  void theInviteAsksForExactlyThePermissionsTheReadmeLists() {
    assertThat(BotPermissions.raw()).isEqualTo(309237763072L);
    assertThat(BotPermissions.inviteUrl("123"))
        .isEqualTo(
            "https://discord.com/oauth2/authorize?client_id=123"
                + "&scope=bot+applications.commands&permissions=309237763072");
  }

  @Test
  void startingWithoutATokenSaysWhatIsMissing() {
    DiscordBot bot =
        new DiscordBot(
            DiscordConfig.defaults(),
            new dev.klingbot.core.conversation.ConversationHandler(
                mock(EditService.class),
                mock(AdminService.class),
                new ChatPorts(),
                java.time.Clock.systemUTC()),
            new ChatPorts());

    assertThatThrownBy(bot::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DISCORD_TOKEN");
    bot.close();
  }
}
