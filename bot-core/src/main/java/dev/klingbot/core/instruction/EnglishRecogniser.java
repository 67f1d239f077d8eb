package dev.klingbot.core.instruction;

import dev.klingbot.kling.EditMode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an English instruction (politeness already stripped) as a removal, swap or addition. The
 * rules are tried in order; the first whose pattern matches the whole text wins. Swaps come first
 * because their wording is the most specific ("put the hat instead of the cap" is a swap, not an
 * addition).
 */
final class EnglishRecogniser {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** Verbs that start a removal: "remove …", "get rid of …", "lose …". */
  private static final String REMOVAL_VERBS =
      "(?:remove|delete|erase|eliminate|get rid of|take out|take away|cut out|wipe out|wipe away"
          + "|wipe off|rub out|edit out|paint out|clear away|clear out|scrub out|lose|ditch)";

  /** Verbs that start an addition: "add …", "put …", "stick …". */
  private static final String ADDITION_VERBS =
      "(?:add|put|place|insert|drop|stick|include|attach|paste|overlay|plant|position|bring"
          + "|throw|pop|slap|introduce)";

  /** An arrow between the old and the new element: →, ⇒, ➡, ->, -->, =>. */
  private static final String ARROW = "(?:→|⇒|➡|-+>|=+>)";

  /** Keeps the sentence-wide rules from firing inside an instruction that starts with a verb. */
  private static final String NO_LEADING_VERB =
      "(?!(?:" + REMOVAL_VERBS + "|" + ADDITION_VERBS + "|make|replace|swap|change|turn)\\b)";

  private record Rule(Pattern pattern, Function<Matcher, Recognition> read) {}

  private static final List<Rule> RULES =
      List.of(
          // --- swaps ---
          // replace the red car with the blue truck / replace X by Y
          rule(
              "^replace\\s+(.+?)\\s+(?:with|by|for|using)\\s+(.+)$",
              m -> swap(m.group(1), m.group(2))),
          // substitute the dog for the cat: the dog is the new element
          rule("^substitute\\s+(.+?)\\s+for\\s+(.+)$", m -> swap(m.group(2), m.group(1))),
          // substitute the cat with the dog
          rule("^substitute\\s+(.+?)\\s+(?:with|by)\\s+(.+)$", m -> swap(m.group(1), m.group(2))),
          // swap in the dog for the cat
          rule(
              "^(?:swap|switch)\\s+in\\s+(.+?)\\s+for\\s+(.+)$", m -> swap(m.group(2), m.group(1))),
          // swap (out) the cat for the dog in this photo: "in this photo" tells which one is new
          rule(
              "^(?:swap|switch|exchange|trade)(?:\\s+out)?\\s+(.+?)\\s+(?:for|with)\\s+(.+)$",
              m -> swapEitherWay(m.group(1), m.group(2))),
          // change / turn / transform the sky into a sunset (the last "into")
          rule(
              "^(?:change|turn|transform|convert|morph|make)\\s+(.+)\\s+into\\s+(.+)$",
              m -> swap(m.group(1), m.group(2))),
          // change the man next to the car to a woman (the last " to ")
          rule(
              "^(?:change|convert|switch|turn)\\s+(.+)\\s+to\\s+(.+)$",
              m -> swap(m.group(1), m.group(2))),
          // make the cat look like a dog / become a dog
          rule(
              "^make\\s+(.+?)\\s+(?:look like|become)\\s+(.+)$", m -> swap(m.group(1), m.group(2))),
          // (use) the hat instead of the cap / put the dog in place of the cat
          rule(
              "^(?!"
                  + REMOVAL_VERBS
                  + "\\b)(?:(?:use|put|place|add|insert|show|have|get|want)\\s+)?(.+?)\\s+"
                  + "(?:instead of|in place of|in lieu of|rather than)\\s+(.+)$",
              m -> swap(m.group(2), m.group(1))),
          // the cat → the dog / replace cat -> dog
          rule(
              "^(?:(?:replace|change|swap|switch|turn|convert)\\s+)?"
                  + NO_LEADING_VERB
                  + "(.+?)\\s*"
                  + ARROW
                  + "\\s*(.+)$",
              m -> swap(m.group(1), m.group(2))),
          // the cat should become a dog / the cat replaced with a dog
          rule(
              "^"
                  + NO_LEADING_VERB
                  + "(.+?)\\s+(?:becomes|should become|turns into|should turn into"
                  + "|(?:should be |to be )?replaced (?:with|by))\\s+(.+)$",
              m -> swap(m.group(1), m.group(2))),
          // replace the cat / swap out the cat: the new element is whatever the image shows
          rule(
              "^(?:replace|swap|switch|exchange|substitute)(?:\\s+out)?(?:\\s+(.*))?$",
              m -> swap(m.group(1), null)),
          // --- removals whose verb comes last ---
          // make the dog disappear / let the car vanish
          rule(
              "^(?:make|let|have)\\s+(.+?)\\s+(?:disappear|vanish|go away|be gone|gone|invisible)$",
              m -> removal(m.group(1))),
          // I want the car removed / get the logo erased
          rule(
              "^(?:i want|i'd like|i would like|i need|get|have)\\s+(.+?)\\s+"
                  + "(?:removed|deleted|erased|gone|taken out|cut out|edited out|wiped out)$",
              m -> removal(m.group(1))),
          // take the car out / cut the logo out of the shot / get the bin out of the video
          rule(
              "^(?:take|cut|wipe|edit|paint|rub|get|clear|scrub)\\s+(.+?)\\s+(?:out|away|off)"
                  + "(?:\\s+of\\s+.+)?$",
              m -> removal(m.group(1))),
          // the car has to go / the logo should be removed
          rule(
              "^"
                  + NO_LEADING_VERB
                  + "(.+?)\\s+(?:should|must|has to|have to|needs to|need to|got to|gotta)\\s+"
                  + "(?:go|be removed|be deleted|be erased|disappear|vanish)$",
              m -> removal(m.group(1))),
          // --- additions ---
          // give the man a hat
          rule(
              "^give\\s+(.+?)\\s+((?:a|an|some|this|these)\\s+.+)$",
              m -> addition(m.group(2), m.group(1))),
          // there should be a dog on the sofa
          rule(
              "^(?:there should be|let there be|i want there to be)\\s+(.+)$",
              m -> AdditionSplitter.english(m.group(1))),
          // add this hat to the man / put the sunglasses from the picture on the woman / add a dog
          rule(
              "^" + ADDITION_VERBS + "(?:\\s+in(?=\\s+(?:a|an|some)\\s))?(?:\\s+(.*))?$",
              m -> AdditionSplitter.english(m.group(1))),
          // --- removals whose verb comes first ---
          // remove the man in the red jacket / get rid of the red car / lose the hat
          rule("^" + REMOVAL_VERBS + "(?:\\s+(.*))?$", m -> removal(m.group(1))));

  private EnglishRecogniser() {}

  static Optional<Recognition> recognise(String instruction) {
    for (Rule rule : RULES) {
      Matcher matcher = rule.pattern().matcher(instruction);
      if (matcher.matches()) {
        return Optional.of(rule.read().apply(matcher));
      }
    }
    return Optional.empty();
  }

  private static Rule rule(String regex, Function<Matcher, Recognition> read) {
    return new Rule(Pattern.compile(regex, FLAGS), read);
  }

  private static Recognition removal(String element) {
    return new Recognition(
        EditMode.REMOVAL,
        Language.ENGLISH,
        EditElements.removal(EnglishPhrases.videoSide(element)));
  }

  private static Recognition swap(String original, String replacement) {
    return new Recognition(
        EditMode.SWAP,
        Language.ENGLISH,
        EditElements.swap(
            EnglishPhrases.videoSide(original),
            replacement == null ? null : EnglishPhrases.imageSide(replacement)));
  }

  /**
   * "swap A for B" is said both ways round; the phrase that points at the image ("in this photo")
   * or away from the video is the new element. Without such a hint, A is the original.
   */
  private static Recognition swapEitherWay(String first, String second) {
    boolean firstIsNew =
        (EnglishPhrases.pointsAtImage(first) && !EnglishPhrases.pointsAtImage(second))
            || (EnglishPhrases.pointsAtVideo(second) && !EnglishPhrases.pointsAtVideo(first));
    return firstIsNew ? swap(second, first) : swap(first, second);
  }

  static Recognition addition(String subject, String location) {
    return new Recognition(
        EditMode.ADDITION,
        Language.ENGLISH,
        EditElements.addition(
            EnglishPhrases.imageSide(subject), EnglishPhrases.location(location)));
  }
}
