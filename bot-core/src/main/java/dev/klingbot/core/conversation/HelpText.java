package dev.klingbot.core.conversation;

import dev.klingbot.core.conversation.EditCommand.Admin;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.kling.Point;
import java.util.List;

/** The one help text, written once from typed commands and shown in each front-end's syntax. */
public final class HelpText {
  private HelpText() {}

  /** Every command; the admin line only for admins. */
  public static String render(CommandSyntax syntax, boolean admin) {
    StringBuilder text = new StringBuilder(Messages.text("help.title"));
    line(text, Messages.text("help.start", syntax.howToStart()));
    line(
        text,
        Messages.text(
            "help.grid",
            syntax.show(new EditCommand.Grid(null, 0)),
            syntax.show(new EditCommand.Grid(null, 30)),
            "30"));
    line(
        text,
        Messages.text(
            "help.select",
            syntax.show(new EditCommand.Select(null, cells(0, "C4", "D4"))),
            syntax.show(new EditCommand.Select(null, fractions()))));
    line(
        text,
        Messages.text(
            "help.unselect",
            syntax.show(new EditCommand.Unselect(null, cells(0, "C4"))),
            syntax.show(new EditCommand.Clear(null))));
    line(text, Messages.text("help.preview", syntax.show(new EditCommand.Preview(null))));
    line(
        text,
        Messages.text(
            "help.prompt",
            syntax.show(new EditCommand.Prompt(null, Messages.text("help.prompt.placeholder")))));
    line(
        text,
        Messages.text(
            "help.submit",
            syntax.show(new EditCommand.Submit(null)),
            syntax.show(new EditCommand.Cancel(null)),
            syntax.show(new EditCommand.Conform(null))));
    line(
        text,
        Messages.text(
            "help.result",
            syntax.press(
                dev.klingbot.core.chat.ChatAction.Kind.EDIT_RESULT,
                Messages.text("help.result.button")),
            syntax.show(new EditCommand.Again(null))));
    line(
        text,
        Messages.text(
            "help.status",
            syntax.show(new EditCommand.Status(null)),
            syntax.show(new EditCommand.History()),
            syntax.show(new EditCommand.Quota())));
    line(text, Messages.text("help.which.edit", syntax.show(new EditCommand.Status("K7Q2MX4A"))));
    syntax.extraHelp().forEach(extra -> line(text, extra));
    if (admin) {
      line(text, Messages.text("help.admins", syntax.show(new Admin.AdminHelp())));
    }
    return text.toString();
  }

  /** The admin commands. */
  public static String admin(CommandSyntax syntax) {
    StringBuilder text = new StringBuilder(Messages.text("help.admin.title", syntax.admins()));
    String setting = Messages.text("help.admin.placeholder.setting");
    String user = Messages.text("help.admin.placeholder.user");
    String channel = Messages.text("help.admin.placeholder.channel");
    line(
        text,
        Messages.text(
            "help.admin.quota",
            syntax.show(new Admin.QuotaShow()),
            syntax.show(new Admin.QuotaSet(setting, Messages.text("help.admin.placeholder.value"))),
            syntax.show(new Admin.QuotaSet("daily", "50")),
            syntax.show(new Admin.QuotaReset(setting)),
            "daily, monthly, user-daily, concurrent, pro, ten-seconds, timezone"));
    line(
        text,
        Messages.text(
            "help.admin.user",
            syntax.show(new Admin.UserShow(user)),
            syntax.show(new Admin.UserLimit(user, 10)),
            syntax.show(new Admin.UserLimit(user, null))));
    line(text, Messages.text("help.admin.costs", syntax.show(new Admin.Costs())));
    line(
        text,
        Messages.text(
            "help.admin.channels",
            syntax.show(new Admin.Channels()),
            syntax.show(new Admin.ChannelAdd(channel)),
            syntax.show(new Admin.ChannelRemove(channel)),
            syntax.show(new Admin.ChannelsClear())));
    line(
        text,
        Messages.text(
            "help.admin.templates",
            syntax.show(new Admin.Templates()),
            syntax.show(
                new Admin.TemplateSet(
                    "<addition|swap|removal>", Messages.text("help.admin.placeholder.template"))),
            syntax.show(new Admin.TemplateReset(Messages.text("help.admin.placeholder.mode")))));
    line(
        text,
        Messages.text(
            "help.admin.usage",
            syntax.show(new Admin.Usage(Messages.text("help.admin.placeholder.period"))),
            "today",
            "week",
            "month",
            "last-month",
            "2026-11",
            "2026-11-01..2026-11-15"));
    String language = syntax.show(new Admin.Language());
    // a front-end without a language command would show the admin help in its place
    if (!language.equals(syntax.show(new Admin.AdminHelp()))) {
      line(
          text,
          Messages.text(
              "help.admin.language",
              language,
              syntax.show(new Admin.LanguageSet("zh|en")),
              syntax.show(new Admin.LanguageSet(null))));
    }
    return text.toString();
  }

  private static void line(StringBuilder text, String line) {
    text.append("\n- ").append(line);
  }

  private static Selection cells(int frame, String... labels) {
    List<Point> points =
        java.util.Arrays.stream(labels)
            .map(dev.klingbot.core.media.GridCell::parse)
            .map(cell -> new Point(cell.x(), cell.y()))
            .toList();
    return new Selection(frame, points, List.of(labels));
  }

  private static Selection fractions() {
    return Selection.click(0, new Point(0.42, 0.55));
  }
}
