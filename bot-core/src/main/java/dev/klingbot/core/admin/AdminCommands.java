package dev.klingbot.core.admin;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Requester;
import dev.klingbot.core.workflow.EditException;
import dev.klingbot.core.workflow.Reply;
import java.util.Locale;

/**
 * Admin commands typed as text (Slack's {@code /kling admin ...}, the console's {@code admin ...}):
 *
 * <pre>
 * quota                          show the server's quota settings
 * quota set &lt;setting&gt; &lt;value&gt;      e.g. quota set daily 50, quota set pro off
 * quota reset &lt;setting&gt;
 * quota user &lt;user&gt; [&lt;units&gt;|reset] a member's own daily limit
 * costs                          the cost table
 * channels [add|remove &lt;channel&gt; | clear]
 * template [set &lt;mode&gt; &lt;template&gt; | reset &lt;mode&gt;]
 * usage [today|week|month|last-month|2026-11|2026-11-01..2026-11-15]
 * </pre>
 */
public final class AdminCommands {
  public static final String HELP =
      "Admin commands:\n"
          + "- `quota` — show the quota settings; `quota set <setting> <value>` (settings: daily, monthly, user-daily, concurrent, pro, ten-seconds, timezone); `quota reset <setting>`\n"
          + "- `quota user <user> [<units>|reset]` — a member's own daily limit\n"
          + "- `costs` — units per edit by mode and length\n"
          + "- `channels` — where edits may start; `channels add <channel>`, `channels remove <channel>`, `channels clear`\n"
          + "- `template` — prompt templates; `template set <addition|swap|removal> <template>`, `template reset <mode>`\n"
          + "- `usage [today|week|month|last-month|2026-11|2026-11-01..2026-11-15]` — units spent, with a chart for a month";

  private final AdminService admin;

  public AdminCommands(AdminService admin) {
    this.admin = requireNonNull(admin, "admin is null");
  }

  /** Runs one admin command line (without the leading {@code admin}). */
  public Reply run(Requester who, String line) {
    String text = line == null ? "" : line.strip();
    String[] words = text.split("\\s+", 2);
    String command = words[0].toLowerCase(Locale.ROOT);
    String rest = words.length > 1 ? words[1].strip() : "";
    switch (command) {
      case "", "help" -> {
        return Reply.text(HELP);
      }
      case "quota" -> {
        return quota(who, rest);
      }
      case "costs", "cost" -> {
        return admin.costs(who);
      }
      case "channels", "channel" -> {
        return channels(who, rest);
      }
      case "template", "templates" -> {
        return template(who, rest);
      }
      case "usage", "report" -> {
        return admin.usage(who, rest);
      }
      default -> throw unknown(text);
    }
  }

  private Reply quota(Requester who, String rest) {
    if (rest.isEmpty()) {
      return admin.quotaShow(who);
    }
    String[] words = rest.split("\\s+");
    String verb = words[0].toLowerCase(Locale.ROOT);
    if (verb.equals("set") && words.length >= 3) {
      return admin.quotaSet(who, words[1], rest.split("\\s+", 3)[2]);
    }
    if (verb.equals("reset") && words.length == 2) {
      return admin.quotaReset(who, words[1]);
    }
    if (verb.equals("user") && words.length >= 2) {
      String user = mentionId(words[1]);
      if (words.length == 2) {
        return admin.userShow(who, user);
      }
      if (words[2].equalsIgnoreCase("reset")) {
        return admin.userLimit(who, user, null);
      }
      try {
        return admin.userLimit(who, user, Integer.parseInt(words[2]));
      } catch (NumberFormatException e) {
        throw new EditException(
            EditException.Kind.NOT_ALLOWED,
            "“" + words[2] + "” is not a number of units. Example: `quota user @alice 10`.");
      }
    }
    if (words.length == 2 && !verb.equals("set")) {
      return admin.quotaSet(who, words[0], words[1]);
    }
    throw new EditException(
        EditException.Kind.NOT_ALLOWED,
        "Use `quota`, `quota set <setting> <value>`, `quota reset <setting>` or `quota user <user> [<units>|reset]`. Example: `quota set daily 50`.");
  }

  private Reply channels(Requester who, String rest) {
    if (rest.isEmpty()) {
      return admin.channels(who);
    }
    String[] words = rest.split("\\s+");
    String verb = words[0].toLowerCase(Locale.ROOT);
    if ((verb.equals("add") || verb.equals("allow")) && words.length == 2) {
      return admin.channelAdd(who, words[1]);
    }
    if ((verb.equals("remove") || verb.equals("delete")) && words.length == 2) {
      return admin.channelRemove(who, words[1]);
    }
    if (verb.equals("clear") && words.length == 1) {
      return admin.channelsClear(who);
    }
    throw channelUsage();
  }

  private Reply template(Requester who, String rest) {
    if (rest.isEmpty()) {
      return admin.templates(who);
    }
    String[] words = rest.split("\\s+", 3);
    String verb = words[0].toLowerCase(Locale.ROOT);
    if (verb.equals("set") && words.length == 3) {
      return admin.templateSet(who, words[1], words[2]);
    }
    if (verb.equals("reset") && words.length == 2) {
      return admin.templateReset(who, words[1]);
    }
    throw new EditException(
        EditException.Kind.NOT_ALLOWED,
        "Use `template`, `template set <mode> <template>` or `template reset <mode>`. Example: `template set removal Erase {element} from <<<video_1>>>`.");
  }

  private static EditException channelUsage() {
    return new EditException(
        EditException.Kind.NOT_ALLOWED,
        "Use `channels`, `channels add <channel>`, `channels remove <channel>` or `channels clear`.");
  }

  private static EditException unknown(String text) {
    return new EditException(
        EditException.Kind.NOT_ALLOWED, "I don't know the admin command “" + text + "”.\n" + HELP);
  }

  /** {@code <@U123>} or {@code <@U123|name>} → {@code U123}; anything else as typed. */
  static String mentionId(String text) {
    String value = text.strip();
    if (value.startsWith("<@") && value.endsWith(">")) {
      value = value.substring(2, value.length() - 1).replace("!", "");
      int bar = value.indexOf('|');
      return bar >= 0 ? value.substring(0, bar) : value;
    }
    return value.startsWith("@") ? value.substring(1) : value;
  }
}
