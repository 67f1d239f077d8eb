package dev.klingbot.core.conversation;

import dev.klingbot.core.conversation.EditCommand.Admin;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.media.GridCell;
import dev.klingbot.core.workflow.EditException;
import dev.klingbot.core.workflow.MediaSource;
import dev.klingbot.kling.Point;
import dev.klingbot.kling.TaskMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The one text grammar for what people type: console lines, replies in an edit's Slack thread, the
 * text after {@code /kling} on Slack and the text inside Discord options (points, admin values).
 *
 * <pre>
 * edit &lt;file|url|edit&gt; &lt;instruction&gt; [--image &lt;file|url&gt;]… [--pro] [--negative "&lt;text&gt;"]
 * edit &lt;instruction&gt;                   in an edit's thread: starts from that edit's result
 * again [&lt;edit&gt;]                         the edit once more, as a new edit
 * select [&lt;edit&gt;] C4 D4 [frame:N]      cells (columns A–J, rows 1–10) or fractions 0.42,0.55
 * unselect [&lt;edit&gt;] C4 [frame:N]       select alone shows the grid
 * grid [N]   clear · preview · submit · cancel · conform · status [&lt;edit&gt;]
 * prompt &lt;new instruction&gt;
 * history · quota · help
 * admin quota [set &lt;setting&gt; &lt;value&gt; | reset &lt;setting&gt; | user &lt;user&gt; [&lt;units&gt;|reset]]
 * admin costs · admin channels [add|remove &lt;channel&gt; | clear]
 * admin template [set &lt;mode&gt; &lt;template&gt; | reset &lt;mode&gt;] · admin usage [&lt;period&gt;]
 * </pre>
 *
 * A cell is always a cell: {@code F5} is column F, row 5. Another frame is named only as {@code
 * frame:N}, {@code frame=N} or {@code frame N}. Options of {@code edit} may stand anywhere on the
 * line.
 */
public final class CommandGrammar {
  private static final Pattern FRAME =
      Pattern.compile("(?i)(?:^|\\s)frame\\s*(?::|=|\\s)\\s*(\\d{1,6})(?=\\s|$|[,;])");
  private static final Pattern COORDINATE =
      Pattern.compile("\\(?\\s*(\\d*\\.?\\d+)\\s*[,;]\\s*(\\d*\\.?\\d+)\\s*\\)?");
  private static final Pattern EDIT_ID =
      Pattern.compile("(?i)#?[2-9a-hjkmnp-z]{4}-?[2-9a-hjkmnp-z]{4}");
  private static final Pattern NUMBER = Pattern.compile("\\d{1,6}");

  /** The verbs and the words people also use for them. */
  private static final Map<String, String> VERBS =
      Map.ofEntries(
          Map.entry("edit", "edit"),
          Map.entry("start", "edit"),
          Map.entry("again", "again"),
          Map.entry("repeat", "again"),
          Map.entry("select", "select"),
          Map.entry("mark", "select"),
          Map.entry("unselect", "unselect"),
          Map.entry("unmark", "unselect"),
          Map.entry("deselect", "unselect"),
          Map.entry("clear", "clear"),
          Map.entry("grid", "grid"),
          Map.entry("area", "grid"),
          Map.entry("select-area", "grid"),
          Map.entry("preview", "preview"),
          Map.entry("submit", "submit"),
          Map.entry("send", "submit"),
          Map.entry("cancel", "cancel"),
          Map.entry("stop", "cancel"),
          Map.entry("conform", "conform"),
          Map.entry("fix", "conform"),
          Map.entry("prompt", "prompt"),
          Map.entry("status", "status"),
          Map.entry("history", "history"),
          Map.entry("quota", "quota"),
          Map.entry("help", "help"),
          Map.entry("?", "help"),
          Map.entry("admin", "admin"));

  private CommandGrammar() {}

  /** What a line turned out to be. */
  public sealed interface Parsed {
    /** A command, ready to carry out. */
    record Command(EditCommand command) implements Parsed {}

    /**
     * Not a command: the first word is no verb. {@code suggestion} is the verb it is closest to,
     * when one is close (a typo).
     */
    record NotACommand(String word, Optional<String> suggestion) implements Parsed {}

    /** A verb with arguments that do not fit; {@code message} says how to write it. */
    record Invalid(String verb, String message) implements Parsed {}
  }

  /** The verbs, for front-ends that must know whether a line is meant for the bot. */
  public static boolean startsWithVerb(String line) {
    return VERBS.containsKey(firstWord(line));
  }

  /** Parses one line. Never throws for bad input: a refusal is a {@link Parsed.Invalid}. */
  public static Parsed parse(String line) {
    String text = line == null ? "" : line.strip();
    String word = firstWord(text);
    String verb = VERBS.get(word);
    if (verb == null) {
      return new Parsed.NotACommand(word, suggestVerb(word));
    }
    String rest = rest(text);
    try {
      return new Parsed.Command(command(verb, rest));
    } catch (EditException e) {
      return new Parsed.Invalid(verb, e.getMessage());
    }
  }

  /**
   * What a typed line asks for, always as a command: a verb whose words do not fit is {@link
   * EditCommand.Mistyped}, a first word that is no verb {@link EditCommand.NotUnderstood}, an empty
   * line {@link EditCommand.Help}.
   */
  public static EditCommand read(String line) {
    if (line == null || line.isBlank()) {
      return new EditCommand.Help();
    }
    Parsed parsed = parse(line);
    if (parsed instanceof Parsed.Command command) {
      return command.command();
    }
    if (parsed instanceof Parsed.Invalid invalid) {
      return new EditCommand.Mistyped(invalid.verb(), invalid.message());
    }
    Parsed.NotACommand unknown = (Parsed.NotACommand) parsed;
    return new EditCommand.NotUnderstood(unknown.word(), unknown.suggestion());
  }

  private static EditCommand command(String verb, String rest) {
    return switch (verb) {
      case "edit" -> start(rest);
      case "select" -> {
        Leading lead = leadingEditId(rest);
        if (lead.rest().isEmpty() || lead.rest().equalsIgnoreCase("area")) {
          yield new EditCommand.Grid(lead.editId(), 0);
        }
        yield new EditCommand.Select(lead.editId(), selection(lead.rest()));
      }
      case "unselect" -> {
        Leading lead = leadingEditId(rest);
        if (lead.rest().isEmpty()) {
          throw selectionProblem(Messages.text("grammar.unselect.empty"));
        }
        yield new EditCommand.Unselect(lead.editId(), selection(lead.rest()));
      }
      case "grid" -> grid(rest);
      case "clear" -> new EditCommand.Clear(onlyEditId(verb, rest));
      case "preview" -> new EditCommand.Preview(onlyEditId(verb, rest));
      case "submit" -> new EditCommand.Submit(onlyEditId(verb, rest));
      case "cancel" -> new EditCommand.Cancel(onlyEditId(verb, rest));
      case "conform" -> new EditCommand.Conform(onlyEditId(verb, rest));
      case "status" -> new EditCommand.Status(onlyEditId(verb, rest));
      case "again" -> new EditCommand.Again(onlyEditId(verb, rest));
      case "prompt" -> {
        if (rest.isEmpty()) {
          throw new EditException(
              EditException.Kind.INSTRUCTION, Messages.text("grammar.prompt.empty"));
        }
        yield new EditCommand.Prompt(null, rest);
      }
      case "history" -> new EditCommand.History();
      case "quota" -> new EditCommand.Quota();
      case "help" -> new EditCommand.Help();
      case "admin" -> admin(rest);
      default -> throw new IllegalStateException("verb without a rule: " + verb);
    };
  }

  // ---------------------------------------------------------------------------------------------
  // edit

  /** What {@code edit} carries besides its video: instruction and options, in any order. */
  public record StartOptions(
      List<String> words, String instruction, List<String> images, TaskMode mode, String negative) {
    public StartOptions {
      words = List.copyOf(words);
      images = List.copyOf(images);
    }
  }

  /**
   * Takes the options ({@code --image X}, {@code --pro}, {@code --std}, {@code --negative "…"}) out
   * of a line wherever they stand; the other words are returned in order, the instruction is the
   * text of the words after the first {@code sourceWords}.
   */
  public static StartOptions startOptions(String text, int sourceWords) {
    List<String> words = new ArrayList<>();
    List<String> images = new ArrayList<>();
    TaskMode mode = TaskMode.STD;
    String negative = null;
    Words reader = new Words(text);
    for (String word = reader.next(); word != null; word = reader.next()) {
      String option = word.toLowerCase(Locale.ROOT);
      switch (option) {
        case "--image", "-i", "--img" -> {
          String image = reader.next();
          if (image == null) {
            throw new EditException(
                EditException.Kind.INSTRUCTION, Messages.text("grammar.option.image.missing"));
          }
          images.add(image);
        }
        case "--pro" -> mode = TaskMode.PRO;
        case "--std" -> mode = TaskMode.STD;
        case "--negative", "-n" -> {
          negative = reader.next();
          if (negative == null) {
            throw new EditException(
                EditException.Kind.INSTRUCTION, Messages.text("grammar.option.negative.missing"));
          }
        }
        default -> {
          if (option.startsWith("--") && option.length() > 2) {
            String unknown = word;
            throw new EditException(
                EditException.Kind.INSTRUCTION,
                suggest(option, List.of("--image", "--pro", "--std", "--negative"))
                    .map(s -> Messages.text("grammar.option.unknown.closest", unknown, s))
                    .orElseGet(() -> Messages.text("grammar.option.unknown", unknown)));
          }
          words.add(word);
        }
      }
    }
    String instruction =
        String.join(" ", words.subList(Math.min(sourceWords, words.size()), words.size()));
    return new StartOptions(words, instruction, images, mode, negative);
  }

  private static EditCommand start(String rest) {
    StartOptions options = startOptions(rest, 1);
    if (!options.words().isEmpty() && !namesVideo(options.words().get(0))) {
      // `edit remove the line too`: no video named, so the edit starts from the result of the
      // thread's edit (or the person's latest)
      options = startOptions(rest, 0);
      return new EditCommand.Start(
          new MediaSource.Result(null),
          options.instruction(),
          options.images().stream().map(MediaSource::parse).toList(),
          options.mode(),
          options.negative());
    }
    if (options.words().isEmpty() || options.instruction().isBlank()) {
      throw new EditException(EditException.Kind.INSTRUCTION, Messages.text("grammar.edit.empty"));
    }
    return new EditCommand.Start(
        MediaSource.parse(options.words().get(0)),
        options.instruction(),
        options.images().stream().map(MediaSource::parse).toList(),
        options.mode(),
        options.negative());
  }

  /**
   * Whether the first word after {@code edit} names a video: a link, an edit id, or a file (a name
   * with an extension or a folder, or a file that exists). Any other word starts the instruction.
   */
  private static boolean namesVideo(String word) {
    if (word.startsWith("http://")
        || word.startsWith("https://")
        || EDIT_ID.matcher(word).matches()
        || word.contains(".")
        || word.contains("/")
        || word.contains("\\")) {
      return true;
    }
    try {
      return java.nio.file.Files.exists(java.nio.file.Path.of(word));
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // select / unselect / grid

  /**
   * Points as people type them: grid cells ({@code C4 D4}), fractions of the frame ({@code
   * 0.42,0.55}), optionally with a frame ({@code frame:12}, {@code frame 12}).
   *
   * @throws EditException with an example when nothing usable is found
   */
  public static Selection selection(String text) {
    String rest = text == null ? "" : text.strip();
    int frame = 0;
    Matcher frameMatcher = FRAME.matcher(rest);
    if (frameMatcher.find()) {
      frame = Integer.parseInt(frameMatcher.group(1));
      rest =
          (rest.substring(0, frameMatcher.start()) + " " + rest.substring(frameMatcher.end()))
              .strip();
      if (FRAME.matcher(rest).find()) {
        throw selectionProblem(Messages.text("grammar.select.frames"));
      }
    }
    List<Point> points = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    Matcher coordinates = COORDINATE.matcher(rest);
    StringBuilder leftover = new StringBuilder();
    int last = 0;
    while (coordinates.find()) {
      leftover.append(rest, last, coordinates.start()).append(' ');
      last = coordinates.end();
      double x = Double.parseDouble(coordinates.group(1));
      double y = Double.parseDouble(coordinates.group(2));
      if (x > 1 || y > 1) {
        throw selectionProblem(
            Messages.text("grammar.select.outside", coordinates.group().strip()));
      }
      Point point = new Point(x, y);
      points.add(point);
      labels.add(label(point));
    }
    leftover.append(rest.substring(last));
    for (String token : leftover.toString().split("[\\s,;]+")) {
      if (token.isBlank()) {
        continue;
      }
      try {
        GridCell cell = GridCell.parse(token);
        points.add(new Point(cell.x(), cell.y()));
        labels.add(cell.label());
      } catch (IllegalArgumentException e) {
        if (token.equalsIgnoreCase("frame")) {
          throw selectionProblem(Messages.text("grammar.select.frame.number"));
        }
        throw selectionProblem(e.getMessage());
      }
    }
    if (points.isEmpty()) {
      throw selectionProblem(Messages.text("grammar.select.empty"));
    }
    return new Selection(frame, points, labels);
  }

  /** A point as the messages show it: {@code 0.42,0.55}. */
  public static String label(Point point) {
    return String.format(Locale.ROOT, "%.2f,%.2f", point.x(), point.y());
  }

  private static EditCommand grid(String rest) {
    Leading lead = leadingEditId(rest);
    String frameText = lead.rest().replaceFirst("(?i)^frame\\s*[:=]?\\s*", "").strip();
    if (frameText.isEmpty()) {
      return new EditCommand.Grid(lead.editId(), 0);
    }
    if (!NUMBER.matcher(frameText).matches()) {
      throw selectionProblem(Messages.text("grammar.grid.frame"));
    }
    return new EditCommand.Grid(lead.editId(), Integer.parseInt(frameText));
  }

  private static EditException selectionProblem(String message) {
    return new EditException(EditException.Kind.SELECTION, message);
  }

  // ---------------------------------------------------------------------------------------------
  // admin

  private static Admin admin(String line) {
    String text = line.strip();
    String command = firstWord(text);
    String rest = rest(text);
    return switch (command) {
      case "", "help" -> new Admin.AdminHelp();
      case "quota" -> quota(rest);
      case "costs", "cost" -> new Admin.Costs();
      case "channels", "channel" -> channels(rest);
      case "template", "templates" -> template(rest);
      case "usage", "report" -> new Admin.Usage(rest.isEmpty() ? null : rest);
      case "language", "lang", "语言" -> language(rest);
      default ->
          throw adminProblem(
              suggest(
                      command,
                      List.of("quota", "costs", "channels", "template", "usage", "language"))
                  .map(s -> Messages.text("grammar.admin.unknown.closest", text, "admin " + s))
                  .orElseGet(() -> Messages.text("grammar.admin.unknown", text)));
    };
  }

  private static Admin quota(String rest) {
    if (rest.isEmpty() || rest.equalsIgnoreCase("show")) {
      return new Admin.QuotaShow();
    }
    String[] words = rest.split("\\s+");
    String verb = words[0].toLowerCase(Locale.ROOT);
    if (verb.equals("set") && words.length >= 3) {
      return new Admin.QuotaSet(words[1], rest.split("\\s+", 3)[2]);
    }
    if (verb.equals("reset") && words.length == 2) {
      return new Admin.QuotaReset(words[1]);
    }
    if (verb.equals("user") && words.length >= 2 && words.length <= 3) {
      String user = mentionId(words[1]);
      if (words.length == 2) {
        return new Admin.UserShow(user);
      }
      if (words[2].equalsIgnoreCase("reset")) {
        return new Admin.UserLimit(user, null);
      }
      if (!NUMBER.matcher(words[2]).matches()) {
        throw adminProblem(Messages.text("grammar.admin.quota.user.units", words[2]));
      }
      return new Admin.UserLimit(user, Integer.parseInt(words[2]));
    }
    if (words.length == 2 && !verb.equals("set") && !verb.equals("reset")) {
      return new Admin.QuotaSet(words[0], words[1]);
    }
    throw adminProblem(Messages.text("grammar.admin.quota.usage"));
  }

  private static Admin language(String rest) {
    String[] words = rest.isEmpty() ? new String[0] : rest.split("\\s+");
    if (words.length == 0 || words[0].equalsIgnoreCase("show")) {
      return new Admin.Language();
    }
    String verb = words[0].toLowerCase(Locale.ROOT);
    if (verb.equals("reset") && words.length == 1) {
      return new Admin.LanguageSet(null);
    }
    if (verb.equals("set") && words.length == 2) {
      return new Admin.LanguageSet(words[1]);
    }
    if (words.length == 1) {
      return new Admin.LanguageSet(words[0]);
    }
    throw adminProblem(Messages.text("grammar.admin.language.usage"));
  }

  private static Admin channels(String rest) {
    if (rest.isEmpty() || rest.equalsIgnoreCase("list")) {
      return new Admin.Channels();
    }
    String[] words = rest.split("\\s+");
    String verb = words[0].toLowerCase(Locale.ROOT);
    if ((verb.equals("add") || verb.equals("allow")) && words.length == 2) {
      return new Admin.ChannelAdd(words[1]);
    }
    if ((verb.equals("remove") || verb.equals("delete")) && words.length == 2) {
      return new Admin.ChannelRemove(words[1]);
    }
    if (verb.equals("clear") && words.length == 1) {
      return new Admin.ChannelsClear();
    }
    throw adminProblem(Messages.text("grammar.admin.channels.usage"));
  }

  private static Admin template(String rest) {
    if (rest.isEmpty() || rest.equalsIgnoreCase("show")) {
      return new Admin.Templates();
    }
    String[] words = rest.split("\\s+", 3);
    String verb = words[0].toLowerCase(Locale.ROOT);
    if (verb.equals("set") && words.length == 3) {
      return new Admin.TemplateSet(words[1], words[2]);
    }
    if (verb.equals("reset") && words.length == 2) {
      return new Admin.TemplateReset(words[1]);
    }
    throw adminProblem(
        Messages.text(
            "grammar.admin.template.usage",
            "`admin template set removal Erase {element} from <<<video_1>>>`"));
  }

  private static EditException adminProblem(String message) {
    return new EditException(EditException.Kind.NOT_ALLOWED, message);
  }

  /** {@code <@U123>} or {@code <@U123|name>} → {@code U123}; anything else as typed. */
  public static String mentionId(String text) {
    String value = text.strip();
    if (value.startsWith("<@") && value.endsWith(">")) {
      value = value.substring(2, value.length() - 1).replace("!", "");
      int bar = value.indexOf('|');
      return bar >= 0 ? value.substring(0, bar) : value;
    }
    return value.startsWith("@") ? value.substring(1) : value;
  }

  // ---------------------------------------------------------------------------------------------
  // Writing commands back as text (for hints in text front-ends)

  /** The command as it is typed, e.g. {@code select C4 D4 frame:3}. */
  public static String format(EditCommand command) {
    if (command instanceof EditCommand.Start start) {
      String video =
          start.video() instanceof MediaSource.Result result
              ? (result.editId() == null ? "" : result.editId() + " ")
              : start.video().displayName() + " ";
      return "edit "
          + video
          + start.instruction()
          + start.images().stream()
              .map(image -> " --image " + image.displayName())
              .collect(Collectors.joining())
          + (start.mode() == TaskMode.PRO ? " --pro" : "");
    }
    if (command instanceof EditCommand.Select select) {
      return "select " + select.selection().typed();
    }
    if (command instanceof EditCommand.Unselect unselect) {
      return "unselect " + unselect.selection().typed();
    }
    if (command instanceof EditCommand.Grid grid) {
      return grid.frame() == 0 ? "grid" : "grid " + grid.frame();
    }
    if (command instanceof EditCommand.Prompt prompt) {
      return "prompt " + prompt.instruction();
    }
    if (command instanceof Admin admin) {
      return "admin " + AdminWords.of(admin).typed();
    }
    return command.verb() + (command.editId() == null ? "" : " " + command.editId());
  }

  // ---------------------------------------------------------------------------------------------
  // Words

  private record Leading(String editId, String rest) {}

  /** An edit id as the first word ({@code select K7Q2MX4A C4}); cells are never 8 characters. */
  private static Leading leadingEditId(String rest) {
    String first = firstWordAsTyped(rest);
    if (EDIT_ID.matcher(first).matches()) {
      return new Leading(first, rest(rest));
    }
    return new Leading(null, rest.strip());
  }

  private static String onlyEditId(String verb, String rest) {
    if (rest.isBlank()) {
      return null;
    }
    String first = firstWordAsTyped(rest);
    if (EDIT_ID.matcher(first).matches() && rest(rest).isEmpty()) {
      return first;
    }
    throw new EditException(
        EditException.Kind.NOT_FOUND, Messages.text("grammar.edit.id.only", verb, clip(rest, 30)));
  }

  static String firstWord(String text) {
    return firstWordAsTyped(text).toLowerCase(Locale.ROOT);
  }

  private static String firstWordAsTyped(String text) {
    String trimmed = text == null ? "" : text.strip();
    return trimmed.split("\\s+", 2)[0];
  }

  static String rest(String text) {
    String[] words = (text == null ? "" : text.strip()).split("\\s+", 2);
    return words.length > 1 ? words[1].strip() : "";
  }

  /** The verb closest to a mistyped word, when it is one or two letters off. */
  public static Optional<String> suggestVerb(String word) {
    return suggest(word, List.copyOf(new java.util.TreeSet<>(VERBS.values())));
  }

  private static Optional<String> suggest(String word, List<String> candidates) {
    if (word == null || word.length() < 3) {
      return Optional.empty();
    }
    LevenshteinDistance distance = new LevenshteinDistance(2);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance.apply(word.toLowerCase(Locale.ROOT), candidate);
      if (d >= 0 && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
