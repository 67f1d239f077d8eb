package dev.klingbot.discord;

import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.quota.QuotaSetting;
import dev.klingbot.kling.EditMode;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/**
 * The slash commands the bot registers: {@code /kling} for everyone and {@code /kling-admin}, which
 * Discord shows only to members with Manage Server (server admins can change that in the server's
 * Integrations settings; the bot checks the permission again when it runs).
 */
final class KlingCommands {
  static final String KLING = "kling";
  static final String ADMIN = "kling-admin";

  /** The option naming an edit; it offers the user's edits as they type. */
  static final String EDIT = "edit";

  /** The option of {@code /kling edit} that names an earlier edit to start from its result. */
  static final String FROM = "from";

  private KlingCommands() {}

  static List<SlashCommandData> all() {
    return List.of(kling(), admin());
  }

  static SlashCommandData kling() {
    return Commands.slash(KLING, en("kling"))
        .setContexts(InteractionContextType.GUILD)
        .setLocalizationFunction(KlingCommands::chinese)
        .addSubcommands(
            new SubcommandData("edit", en("kling.edit"))
                .addOptions(
                    new OptionData(
                            OptionType.STRING, "instruction", en("kling.edit.instruction"), true)
                        .setMaxLength(1000),
                    new OptionData(OptionType.ATTACHMENT, "video", en("kling.edit.video")),
                    new OptionData(OptionType.STRING, FROM, en("kling.edit.from"))
                        .setAutoComplete(true),
                    new OptionData(OptionType.ATTACHMENT, "image1", en("kling.edit.image1")),
                    new OptionData(OptionType.ATTACHMENT, "image2", en("kling.edit.image2")),
                    new OptionData(OptionType.STRING, "mode", en("kling.edit.mode"))
                        .addChoice("std", "std")
                        .addChoice("pro", "pro"),
                    new OptionData(OptionType.STRING, "negative", en("kling.edit.negative"))
                        .setMaxLength(500)),
            new SubcommandData("select", en("kling.select")).addOptions(points(), frame(), edit()),
            new SubcommandData("unselect", en("kling.unselect"))
                .addOptions(points(), frame(), edit()),
            new SubcommandData("clear", en("kling.clear")).addOptions(edit()),
            new SubcommandData("grid", en("kling.grid")).addOptions(frame(), edit()),
            new SubcommandData("preview", en("kling.preview")).addOptions(edit()),
            new SubcommandData("submit", en("kling.submit")).addOptions(edit()),
            new SubcommandData("cancel", en("kling.cancel")).addOptions(edit()),
            new SubcommandData("conform", en("kling.conform")).addOptions(edit()),
            new SubcommandData("prompt", en("kling.prompt"))
                .addOptions(
                    new OptionData(
                            OptionType.STRING, "instruction", en("kling.prompt.instruction"), true)
                        .setMaxLength(1000),
                    edit()),
            new SubcommandData("again", en("kling.again")).addOptions(edit()),
            new SubcommandData("status", en("kling.status")).addOptions(edit()),
            new SubcommandData("history", en("kling.history")),
            new SubcommandData("quota", en("kling.quota")),
            new SubcommandData("help", en("kling.help")));
  }

  static SlashCommandData admin() {
    OptionData setting = new OptionData(OptionType.STRING, "setting", en("option.setting"), true);
    for (QuotaSetting each : QuotaSetting.values()) {
      setting.addChoice(each.key(), each.key());
    }
    OptionData mode = new OptionData(OptionType.STRING, "mode", en("option.mode"), true);
    for (EditMode each : EditMode.values()) {
      mode.addChoice(each.wireName(), each.wireName());
    }
    OptionData channel = new OptionData(OptionType.CHANNEL, "channel", en("option.channel"), true);
    return Commands.slash(ADMIN, en("kling-admin"))
        .setContexts(InteractionContextType.GUILD)
        .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Requesters.ADMIN_PERMISSION))
        .setLocalizationFunction(KlingCommands::chinese)
        .addSubcommandGroups(
            new SubcommandGroupData("quota", en("kling-admin.quota"))
                .addSubcommands(
                    new SubcommandData("show", en("kling-admin.quota.show")),
                    new SubcommandData("set", en("kling-admin.quota.set"))
                        .addOptions(
                            setting,
                            new OptionData(
                                OptionType.STRING,
                                "value",
                                en("kling-admin.quota.set.value"),
                                true)),
                    new SubcommandData("reset", en("kling-admin.quota.reset")).addOptions(setting),
                    new SubcommandData("user", en("kling-admin.quota.user"))
                        .addOptions(
                            new OptionData(
                                OptionType.USER,
                                "member",
                                en("kling-admin.quota.user.member"),
                                true),
                            new OptionData(
                                    OptionType.INTEGER, "units", en("kling-admin.quota.user.units"))
                                .setRequiredRange(0, 1_000_000),
                            new OptionData(
                                OptionType.BOOLEAN, "reset", en("kling-admin.quota.user.reset")))),
            new SubcommandGroupData("channels", en("kling-admin.channels"))
                .addSubcommands(
                    new SubcommandData("list", en("kling-admin.channels.list")),
                    new SubcommandData("add", en("kling-admin.channels.add")).addOptions(channel),
                    new SubcommandData("remove", en("kling-admin.channels.remove"))
                        .addOptions(channel),
                    new SubcommandData("clear", en("kling-admin.channels.clear"))),
            new SubcommandGroupData("template", en("kling-admin.template"))
                .addSubcommands(
                    new SubcommandData("show", en("kling-admin.template.show")),
                    new SubcommandData("set", en("kling-admin.template.set"))
                        .addOptions(
                            mode,
                            new OptionData(
                                    OptionType.STRING,
                                    "template",
                                    en("kling-admin.template.set.template"),
                                    true)
                                .setMaxLength(1000)),
                    new SubcommandData("reset", en("kling-admin.template.reset")).addOptions(mode)),
            new SubcommandGroupData("language", en("kling-admin.language"))
                .addSubcommands(
                    new SubcommandData("show", en("kling-admin.language.show")),
                    new SubcommandData("set", en("kling-admin.language.set"))
                        .addOptions(
                            new OptionData(
                                    OptionType.STRING,
                                    "language",
                                    en("kling-admin.language.set.language"),
                                    true)
                                .addChoice("中文 (zh)", "zh")
                                .addChoice("English (en)", "en")),
                    new SubcommandData("reset", en("kling-admin.language.reset"))))
        .addSubcommands(
            new SubcommandData("costs", en("kling-admin.costs")),
            new SubcommandData("usage", en("kling-admin.usage"))
                .addOptions(
                    new OptionData(OptionType.STRING, "period", en("kling-admin.usage.period"))),
            new SubcommandData("help", en("kling-admin.help")));
  }

  private static OptionData points() {
    return new OptionData(OptionType.STRING, "points", en("option.points"), true).setMaxLength(300);
  }

  private static OptionData frame() {
    return new OptionData(OptionType.INTEGER, "frame", en("option.frame")).setMinValue(0);
  }

  private static OptionData edit() {
    return new OptionData(OptionType.STRING, EDIT, en("option.edit")).setAutoComplete(true);
  }

  /** A description in English (the default Discord shows), from the discord bundle. */
  static String en(String path) {
    return Messages.text(Lang.EN, "discord.command." + path);
  }

  /**
   * The Chinese descriptions Discord shows to people whose client is set to Chinese. Command and
   * option names stay as they are (people type them); JDA asks with keys like {@code
   * kling.edit.instruction.description}.
   */
  static Map<DiscordLocale, String> chinese(String key) {
    if (!key.endsWith(".description")) {
      return Map.of();
    }
    String path = "discord.command." + key.substring(0, key.length() - ".description".length());
    if (!Messages.has(path)) {
      // an option shared by several commands (points, frame, edit, …) has one text
      path = "discord.command.option." + path.substring(path.lastIndexOf('.') + 1);
    }
    if (!Messages.has(path)) {
      return Map.of();
    }
    String text = Messages.text(Lang.ZH, path);
    return Map.of(DiscordLocale.CHINESE_CHINA, text, DiscordLocale.CHINESE_TAIWAN, text);
  }
}
