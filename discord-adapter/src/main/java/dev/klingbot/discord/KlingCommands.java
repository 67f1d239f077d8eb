package dev.klingbot.discord;

import dev.klingbot.core.quota.QuotaSetting;
import dev.klingbot.kling.EditMode;
import java.util.List;
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
    return Commands.slash(KLING, "Edit a video with Kling from a plain-language instruction")
        .setContexts(InteractionContextType.GUILD)
        .addSubcommands(
            new SubcommandData(
                    "edit", "Start an edit: a video (or an earlier result) and what to change")
                .addOptions(
                    new OptionData(
                            OptionType.STRING,
                            "instruction",
                            "What to change, e.g. remove the man in the red jacket",
                            true)
                        .setMaxLength(1000),
                    new OptionData(OptionType.ATTACHMENT, "video", "The video to edit"),
                    new OptionData(
                            OptionType.STRING,
                            FROM,
                            "Instead of a video: an earlier edit whose result to edit further")
                        .setAutoComplete(true),
                    new OptionData(
                        OptionType.ATTACHMENT, "image1", "Reference image 1 (to add or swap in)"),
                    new OptionData(OptionType.ATTACHMENT, "image2", "Reference image 2"),
                    new OptionData(OptionType.STRING, "mode", "Quality mode (default std)")
                        .addChoice("std", "std")
                        .addChoice("pro", "pro"),
                    new OptionData(OptionType.STRING, "negative", "What Kling should avoid")
                        .setMaxLength(500)),
            new SubcommandData("select", "Mark the element: grid cells like C4 D4, or 0.42,0.55")
                .addOptions(points(), frame(), edit()),
            new SubcommandData("unselect", "Unmark points").addOptions(points(), frame(), edit()),
            new SubcommandData("clear", "Unmark every point").addOptions(edit()),
            new SubcommandData("grid", "Show a frame with the labelled grid")
                .addOptions(frame(), edit()),
            new SubcommandData("preview", "Let Kling track the selection through the video")
                .addOptions(edit()),
            new SubcommandData("submit", "Send the edit to Kling (uses quota)").addOptions(edit()),
            new SubcommandData("cancel", "Cancel an edit Kling has not started").addOptions(edit()),
            new SubcommandData("conform", "Fix a video that breaks Kling's rules")
                .addOptions(edit()),
            new SubcommandData("prompt", "Change the instruction (or write the Kling prompt)")
                .addOptions(
                    new OptionData(OptionType.STRING, "instruction", "The new instruction", true)
                        .setMaxLength(1000),
                    edit()),
            new SubcommandData("again", "Run an edit once more as a new edit (uses quota)")
                .addOptions(edit()),
            new SubcommandData("status", "Where an edit is").addOptions(edit()),
            new SubcommandData("history", "Your recent edits on this server"),
            new SubcommandData("quota", "Your and the server's quota"),
            new SubcommandData("help", "How to use the bot"));
  }

  static SlashCommandData admin() {
    OptionData setting = new OptionData(OptionType.STRING, "setting", "The setting", true);
    for (QuotaSetting each : QuotaSetting.values()) {
      setting.addChoice(each.key(), each.key());
    }
    OptionData mode = new OptionData(OptionType.STRING, "mode", "The edit mode", true);
    for (EditMode each : EditMode.values()) {
      mode.addChoice(each.wireName(), each.wireName());
    }
    OptionData channel = new OptionData(OptionType.CHANNEL, "channel", "The channel", true);
    return Commands.slash(ADMIN, "Server settings of the Kling bot (admins)")
        .setContexts(InteractionContextType.GUILD)
        .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Requesters.ADMIN_PERMISSION))
        .addSubcommandGroups(
            new SubcommandGroupData("quota", "Quota settings")
                .addSubcommands(
                    new SubcommandData("show", "Show the quota settings"),
                    new SubcommandData("set", "Change a quota setting")
                        .addOptions(
                            setting,
                            new OptionData(
                                OptionType.STRING, "value", "e.g. 50, on, Europe/Berlin", true)),
                    new SubcommandData("reset", "Go back to the default").addOptions(setting),
                    new SubcommandData("user", "A member's usage, or their own daily limit")
                        .addOptions(
                            new OptionData(OptionType.USER, "member", "The member", true),
                            new OptionData(
                                    OptionType.INTEGER, "units", "Their own daily limit in units")
                                .setRequiredRange(0, 1_000_000),
                            new OptionData(
                                OptionType.BOOLEAN, "reset", "Back to the per-member limit"))),
            new SubcommandGroupData("channels", "Channels edits may be started in")
                .addSubcommands(
                    new SubcommandData("list", "Show the allowed channels"),
                    new SubcommandData("add", "Allow a channel").addOptions(channel),
                    new SubcommandData("remove", "Stop allowing a channel").addOptions(channel),
                    new SubcommandData("clear", "Allow every channel again")),
            new SubcommandGroupData("template", "Prompt templates")
                .addSubcommands(
                    new SubcommandData("show", "Show the templates in use"),
                    new SubcommandData("set", "Use your own template for a mode")
                        .addOptions(
                            mode,
                            new OptionData(
                                    OptionType.STRING,
                                    "template",
                                    "e.g. Erase {element} from <<<video_1>>>",
                                    true)
                                .setMaxLength(1000)),
                    new SubcommandData("reset", "Back to the default template").addOptions(mode)))
        .addSubcommands(
            new SubcommandData("costs", "Units per edit by mode and length"),
            new SubcommandData("usage", "Units spent, with a chart for a month")
                .addOptions(
                    new OptionData(
                        OptionType.STRING,
                        "period",
                        "today, week, month (default), last-month, 2026-11, 2026-11-01..2026-11-15")),
            new SubcommandData("help", "What the admin commands do"));
  }

  private static OptionData points() {
    return new OptionData(OptionType.STRING, "points", "Grid cells like C4 D4, or 0.42,0.55", true)
        .setMaxLength(300);
  }

  private static OptionData frame() {
    return new OptionData(OptionType.INTEGER, "frame", "Frame number (default 0, the first)")
        .setMinValue(0);
  }

  private static OptionData edit() {
    return new OptionData(OptionType.STRING, EDIT, "Edit id (default: this thread's edit)")
        .setAutoComplete(true);
  }
}
