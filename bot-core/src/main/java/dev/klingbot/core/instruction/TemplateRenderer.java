package dev.klingbot.core.instruction;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a template's {@code {variables}} in ONE pass: a value is never scanned again, so a user who
 * types "{location}" inside an element phrase gets those literal characters, not a substitution.
 */
final class TemplateRenderer {
  /** Any {@code {name}} without nested braces. */
  static final Pattern VARIABLE = Pattern.compile("\\{([^{}]*)}");

  private TemplateRenderer() {}

  static String render(String template, Map<TemplateVariable, String> values) {
    Matcher matcher = VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 64);
    while (matcher.find()) {
      String value =
          TemplateVariable.named(matcher.group(1)).map(values::get).orElse(matcher.group());
      matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
