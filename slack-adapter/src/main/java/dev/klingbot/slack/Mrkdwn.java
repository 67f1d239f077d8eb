package dev.klingbot.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts the core's small Markdown subset to Slack's mrkdwn and back: {@code **bold**} becomes
 * {@code *bold*}, bullet lines start with {@code •}, and {@code & < >} are escaped except in
 * Slack's own tokens ({@code <@U123>}, {@code <#C123>}, {@code <!here>}, {@code <https://…>}). Code
 * spans keep their text (still escaped, as Slack requires).
 */
final class Mrkdwn {
  private static final Pattern CODE = Pattern.compile("```[\\s\\S]*?```|`[^`\\n]*`");
  private static final String MARK = "\u0000";
  private static final Pattern HELD = Pattern.compile("\u0000(\\d+)\u0000");
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
  private static final Pattern SLACK_TOKEN =
      Pattern.compile("<(?:[@#!][A-Za-z0-9^|._:\\-]+|(?:https?|mailto):[^<>\\s]+)>");

  private Mrkdwn() {}

  /** The core's Markdown as Slack mrkdwn. */
  static String from(String markdown) {
    if (markdown == null || markdown.isEmpty()) {
      return "";
    }
    List<String> codes = new ArrayList<>();
    StringBuilder prose = new StringBuilder();
    Matcher code = CODE.matcher(markdown.replace(MARK, " "));
    while (code.find()) {
      codes.add(code.group());
      code.appendReplacement(prose, MARK + (codes.size() - 1) + MARK);
    }
    code.appendTail(prose);
    String converted = BOLD.matcher(prose.toString()).replaceAll("*$1*");
    converted = converted.replaceAll("(?m)^(\\s*)- ", "$1• ");
    Matcher held = HELD.matcher(escape(converted));
    StringBuilder out = new StringBuilder();
    while (held.find()) {
      String original = codes.get(Integer.parseInt(held.group(1)));
      held.appendReplacement(out, Matcher.quoteReplacement(escape(original)));
    }
    held.appendTail(out);
    return out.toString();
  }

  /** Text a user typed in Slack, with Slack's escapes undone ({@code &lt;} → {@code <}). */
  static String unescape(String slackText) {
    if (slackText == null) {
      return "";
    }
    return slackText.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  /** Removes mentions of {@code userId} ({@code <@U123>} or {@code <@U123|name>}). */
  static String withoutMention(String slackText, String userId) {
    if (slackText == null) {
      return "";
    }
    if (userId == null) {
      return slackText.strip();
    }
    return slackText
        .replaceAll("<@" + Pattern.quote(userId) + "(?:\\|[^>]*)?>", " ")
        .replaceAll("[ \\t]+", " ")
        .strip();
  }

  /** Escapes {@code & < >} but keeps Slack tokens such as {@code <@U123>} working. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    Matcher token = SLACK_TOKEN.matcher(text);
    int last = 0;
    while (token.find()) {
      out.append(escapeAll(text.substring(last, token.start())));
      out.append(token.group());
      last = token.end();
    }
    out.append(escapeAll(text.substring(last)));
    return out.toString();
  }

  private static String escapeAll(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
