package dev.klingbot.core.workflow;

import dev.klingbot.core.Durations;
import dev.klingbot.core.Platform;
import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.conversation.CommandGrammar;
import dev.klingbot.core.conversation.CommandSyntax;
import java.time.Duration;
import java.util.Locale;

/** Small formatting helpers for the words users read. */
public final class Texts {
  private Texts() {}

  /** A running clock: {@code 0:42}, {@code 3:05}, {@code 1:02:09} (progress only). */
  public static String elapsed(Duration duration) {
    long seconds = Math.max(0, duration.getSeconds());
    long hours = seconds / 3600;
    long minutes = (seconds % 3600) / 60;
    long rest = seconds % 60;
    return hours > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
        : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
  }

  /** A length of time in words, as {@link Durations#words(Duration)}: {@code 6 hours}. */
  public static String duration(Duration duration) {
    return Durations.words(duration);
  }

  public static String units(int count) {
    return dev.klingbot.core.i18n.Messages.text("common.units", count);
  }

  public static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  public static String bytes(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }
    if (bytes >= 1L << 20) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
    }
    return String.format(Locale.ROOT, "%d KB", Math.max(1, bytes / 1024));
  }

  /**
   * Text safe to store and log: control characters (a NUL byte, escape sequences) are removed; line
   * breaks and tabs stay.
   */
  public static String printable(String text) {
    return text == null ? null : text.replaceAll("[\\p{Cc}&&[^\\n\\t]]", "");
  }

  /** Cuts text to {@code max} characters with an ellipsis. */
  public static String clip(String text, int max) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= max ? flat : flat.substring(0, Math.max(0, max - 1)) + "…";
  }

  /**
   * How a command is given on a platform, e.g. {@code /kling select points:C4} on Discord: the text
   * is read with the one grammar and written in the platform's syntax.
   */
  public static String command(Platform platform, String command) {
    CommandGrammar.Parsed parsed = CommandGrammar.parse(command);
    if (parsed instanceof CommandGrammar.Parsed.Command known) {
      return CommandSyntax.of(platform).show(known.command());
    }
    return "`" + command + "`";
  }

  /** How a button is found on a platform: its label, or the command that does the same. */
  public static String press(Platform platform, ChatAction.Kind kind, String label) {
    return CommandSyntax.of(platform).press(kind, label);
  }
}
