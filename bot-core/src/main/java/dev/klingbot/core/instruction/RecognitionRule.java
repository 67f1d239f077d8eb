package dev.klingbot.core.instruction;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One way an instruction may be written: a pattern for the whole instruction, and how a match is
 * read ({@code null}: the match is no such instruction after all).
 */
record RecognitionRule(Pattern pattern, Function<Matcher, Recognition> read) {

  /** What the first rule that matches the whole of {@code text}, and reads it, makes of it. */
  static Optional<Recognition> first(List<RecognitionRule> rules, String text) {
    for (RecognitionRule rule : rules) {
      Matcher matcher = rule.pattern().matcher(text);
      if (matcher.matches()) {
        Recognition recognition = rule.read().apply(matcher);
        if (recognition != null) {
          return Optional.of(recognition);
        }
      }
    }
    return Optional.empty();
  }
}
