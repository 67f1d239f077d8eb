package dev.klingbot.core.conversation;

import dev.klingbot.core.conversation.EditCommand.Admin;
import dev.klingbot.kling.Point;
import java.util.List;

/** The one help text, written once from typed commands and shown in each front-end's syntax. */
public final class HelpText {
  private HelpText() {}

  /** Every command; the admin line only for admins. */
  public static String render(CommandSyntax syntax, boolean admin) {
    StringBuilder text =
        new StringBuilder("🎬 **Kling Edit Bot** — edit a video by saying what to change.");
    line(
        text,
        syntax.howToStart()
            + ". I check the video and post the plan: the exact Kling"
            + " prompt, the cost and your quota.");
    line(
        text,
        syntax.show(new EditCommand.Grid(null, 0))
            + " — the frame with a labelled grid (columns A–J, rows 1–10); "
            + syntax.show(new EditCommand.Grid(null, 30))
            + " for frame 30");
    line(
        text,
        syntax.show(new EditCommand.Select(null, cells(0, "C4", "D4")))
            + " — mark what to change by grid cells, or by fractions of the frame like "
            + syntax.show(new EditCommand.Select(null, fractions()))
            + "; add `frame:12` to mark another frame (a cell is always a cell: `F5` is column F,"
            + " row 5)");
    line(
        text,
        syntax.show(new EditCommand.Unselect(null, cells(0, "C4")))
            + " unmarks points; "
            + syntax.show(new EditCommand.Clear(null))
            + " unmarks everything");
    line(
        text,
        syntax.show(new EditCommand.Preview(null))
            + " — Kling tracks the selection through the video, so you can check it");
    line(
        text,
        syntax.show(new EditCommand.Prompt(null, "<new instruction>"))
            + " — change what to do (or write the Kling prompt with <<<video_1>>>)");
    line(
        text,
        syntax.show(new EditCommand.Submit(null))
            + " — send the edit to Kling (uses quota) · "
            + syntax.show(new EditCommand.Cancel(null))
            + " — stop it before Kling starts · "
            + syntax.show(new EditCommand.Conform(null))
            + " — fix a video that breaks Kling's rules, when I offer it");
    line(
        text,
        "Under a result: "
            + syntax.press(dev.klingbot.core.chat.ChatAction.Kind.EDIT_RESULT, "Edit result")
            + " to change the result further (Kling starts from its own copy, nothing is uploaded"
            + " again) · "
            + syntax.show(new EditCommand.Again(null))
            + " — the same edit once more as a new edit (its own charge)");
    line(
        text,
        syntax.show(new EditCommand.Status(null))
            + " — where an edit is · "
            + syntax.show(new EditCommand.History())
            + " — your recent edits · "
            + syntax.show(new EditCommand.Quota())
            + " — what you have left");
    line(
        text,
        "Commands act on the edit of the thread they are given in, else on your latest edit; name"
            + " another by its id, e.g. "
            + syntax.show(new EditCommand.Status("K7Q2MX4A")));
    syntax.extraHelp().forEach(extra -> line(text, extra));
    if (admin) {
      line(
          text,
          "Admins: "
              + syntax.show(new Admin.AdminHelp())
              + " — quotas, channels, templates, usage");
    }
    return text.toString();
  }

  /** The admin commands. */
  public static String admin(CommandSyntax syntax) {
    StringBuilder text = new StringBuilder("⚙️ **Admin commands** (" + syntax.admins() + "):");
    line(
        text,
        syntax.show(new Admin.QuotaShow())
            + " — the server's quota settings; "
            + syntax.show(new Admin.QuotaSet("<setting>", "<value>"))
            + " (settings: daily, monthly, user-daily, concurrent, pro, ten-seconds, timezone;"
            + " e.g. "
            + syntax.show(new Admin.QuotaSet("daily", "50"))
            + "); "
            + syntax.show(new Admin.QuotaReset("<setting>")));
    line(
        text,
        syntax.show(new Admin.UserShow("<user>"))
            + " — a member's usage today; "
            + syntax.show(new Admin.UserLimit("<user>", 10))
            + " sets their own daily limit, "
            + syntax.show(new Admin.UserLimit("<user>", null))
            + " removes it");
    line(text, syntax.show(new Admin.Costs()) + " — units per edit by mode and length");
    line(
        text,
        syntax.show(new Admin.Channels())
            + " — the channels edits may start in (all when none is listed); "
            + syntax.show(new Admin.ChannelAdd("<channel>"))
            + ", "
            + syntax.show(new Admin.ChannelRemove("<channel>"))
            + ", "
            + syntax.show(new Admin.ChannelsClear()));
    line(
        text,
        syntax.show(new Admin.Templates())
            + " — the prompt templates per mode; "
            + syntax.show(new Admin.TemplateSet("<addition|swap|removal>", "<template>"))
            + ", "
            + syntax.show(new Admin.TemplateReset("<mode>")));
    line(
        text,
        syntax.show(new Admin.Usage("<period>"))
            + " — units spent: today, week, month (the default, with a chart), last-month, 2026-11"
            + " or 2026-11-01..2026-11-15");
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
