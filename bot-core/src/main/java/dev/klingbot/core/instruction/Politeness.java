package dev.klingbot.core.instruction;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Strips greetings, politeness and filler from the start and end of an instruction ("hey bot, could
 * you please …, thanks!", "请帮我…一下，谢谢"), so the recognisers see only the edit.
 */
final class Politeness {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** Each pattern eats one piece from the start; they are tried again until none matches. */
  private static final List<Pattern> LEADING =
      List.of(
          // a mention or a greeting, optionally naming the bot: "@kling", "hey bot,", "ok so"
          Pattern.compile("^@\\S+"),
          Pattern.compile(
              // "hey there", but not the "there" of "so there's a cat on the sofa"
              "^(?:(?:hey|hi|hello|yo)\\b(?:\\s+there\\b(?!'|\\s+(?:is|are|was|were)\\b))?|(?:ok|okay|alright|so|um+|uh+|well"
                  + "|now|bot|klingbot|kling)\\b)(?:\\s+(?:bot|klingbot|kling|buddy)\\b)?",
              FLAGS),
          // "could you (please) (help me)", "can u", "would you be so kind as to"
          Pattern.compile(
              "^(?:could|can|would|will)\\s+(?:(?:you|u|ya)\\b|we\\s+(?:just\\s+)?(?=(?:"
                  + EnglishRecogniser.REMOVAL_VERBS
                  + "|replace|swap|switch|add|put|insert|place)\\b)|i\\s+(?:just\\s+)?(?=(?:"
                  + EnglishRecogniser.REMOVAL_VERBS
                  + "|replace|swap|switch|add|put|insert|place)\\b))"
                  + "(?:\\s+(?:please|pls|plz|kindly|possibly|perhaps|maybe|just|still))*"
                  + "(?:\\s+be so kind as to)?(?:\\s+help me)?(?:\\s+to)?\\b",
              FLAGS),
          // "I'd like you to", "I would love to", "we want you to", "I need to"
          Pattern.compile(
              "^(?:i|we)(?:'d|\\s+would)?(?:\\s+really)?\\s+(?:like|love|want|need)\\s+(?:you\\s+)?to\\b",
              FLAGS),
          Pattern.compile("^(?:i|we)\\s+wanna\\b", FLAGS),
          // "I'd be grateful if you'd", "it would be great if you could", "I'd appreciate it if
          // you"
          Pattern.compile(
              "^(?:(?:i|we)(?:'d|\\s+would)\\s+(?:be\\s+(?:so\\s+|very\\s+|really\\s+|most\\s+)?"
                  + "(?:grateful|thankful|happy|glad|delighted|obliged)|(?:really\\s+)?(?:appreciate|love) it)"
                  + "|it(?:'d|\\s+would)\\s+be\\s+(?:so\\s+|really\\s+)?(?:great|nice|lovely|awesome|amazing"
                  + "|helpful|cool|perfect|fantastic|wonderful))\\s+if\\s+(?:you|u)(?:'d|'ll|\\s+would|\\s+could"
                  + "|\\s+can|\\s+will|\\s+might)?(?:\\s+(?:please|kindly|just|possibly))*\\b",
              FLAGS),
          // "would you mind removing …": the gerund is the request
          Pattern.compile(
              "^(?:would you |do you |if you don't |if you wouldn't )?mind(?=\\s+\\w+ing\\b)",
              FLAGS),
          // single politeness words and fillers
          Pattern.compile(
              "^(?:please|pls|plz|kindly|just|simply|also|then|go ahead and|help me(?:\\s+to)?"
                  + "|ideally|preferably|hopefully|optimally|if possible|if you can|if you could"
                  + "|(?:(?:would|could|will) you )?be able to|are you able to"
                  + "|(?:would|will) it be possible for you to"
                  + "|is there (?:any|a|some) (?:way|chance)(?: (?:for you|you could|u could|you can))?(?: to)?"
                  + "|any way (?:to|you could|you can|u could)|is it possible (?:for you )?to"
                  + "|how (?:do|can|could) (?:i|we|you)"
                  + "|let's|lets|try to|do me a favou?r and|is it possible to"
                  + "|would it be possible to|any chance (?:you|u)\\s+(?:could|can|would)"
                  + "|is there (?:any )?(?:way|chance) (?:you|u)\\s+(?:could|can)"
                  + "|do you think (?:you|u) (?:could|can)|think (?:you|u) (?:could|can))\\b",
              FLAGS),
          // where the request sits among others: "this time", "for this one", "first of all"
          Pattern.compile(
              "^(?:this time|for this (?:one|video|clip)|in this (?:one|video|clip)|on this (?:one|video|clip)"
                  + "|first of all|first off|first(?=,)|lastly|finally|actually|basically|honestly"
                  + "|btw|by the way|oh and|oh|and|but|anyway|anyways|quick one|quick question"
                  + "|one more thing|new request|next one)(?=[\\s,:;.!-]|$)",
              FLAGS),
          // Chinese: 请 / 麻烦你 / 帮我 / 能不能 / 我想 …; 给我 only when an edit verb follows
          Pattern.compile(
              "^(?:请问|请你|请您|请|麻烦你|麻烦您|麻烦|帮我|帮忙|帮个忙|能不能|能否|可不可以|可以|你能|你可以|您能"
                  + "|最好是|最好|理想情况下|如果可以的话|可以的话|如果可以|拜托你|拜托|辛苦了|辛苦啦|辛苦你了|辛苦"
                  + "|想请您帮忙|想请你帮忙|想请您|想请你|请您帮忙|请你帮忙"
                  + "|我想要|我想|我要|我希望|希望|那个|嗯|你好|您好|嗨|哈喽|能帮我|能不能帮我|可以帮我|能否帮我"
                  + "|你能帮我|你可以帮我|能帮忙|能麻烦你)"),
          Pattern.compile("^给我(?=[把将删去移抹擦换替用在让加添放])"),
          Pattern.compile("^help\\s*(?:me\\s*)?(?=我|把|将)", FLAGS),
          Pattern.compile("^我(?=把|将)"));

  /** Each pattern eats one piece from the end; they are tried again until none matches. */
  private static final List<Pattern> TRAILING =
      List.of(
          Pattern.compile(
              "(?:^|\\s)(?:please|pls|plz|for me|thanks(?:\\s+(?:a lot|so much|in advance))?"
                  + "|thank you(?:\\s+(?:so much|very much))?|thx|ty|tysm|cheers|if you can"
                  + "|if possible|if you could|asap|(?:right\\s+)?now|quickly|real quick|ok|okay"
                  + "|lol|lmao|haha+|hehe+|xd|:\\)|:-\\)|:d|;\\)|<3|kthx|thnx|thanx|tia"
                  + "|please and thank you|much appreciated|appreciate it|ideally|preferably|if possible"
                  + "|(?:many|big) thanks)$",
              FLAGS),
          // "subtitle全部去掉pls": an English word of politeness touching the Chinese
          Pattern.compile("(?<=\\p{IsHan})\\s*(?:please|pls|plz|thx|thanks|ty)$", FLAGS),
          Pattern.compile(
              "(?:一下吧|一下|吧|麻烦你了|麻烦您了|麻烦了|麻烦啦|谢谢你|谢谢您|谢谢啦|谢谢了|谢谢哈|谢谢|谢啦|谢了|多谢|感谢|好吗|好不好|可以吗|行吗|行不行|吗|呗|呢|啊|呀|哦|啦|嘛|哈"
                  + "|就好了|就好|就行了|就行|就可以了|即可|辛苦了|辛苦啦|辛苦你了|辛苦)$"));

  private Politeness() {}

  static String strip(String text) {
    // "一下" ("a bit") softens a verb anywhere in a Chinese sentence: 删除一下视频里的猫
    String current = withoutMistypedPlease(trimJunk(text.replace("一下", "")));
    // "please把墙上的poster去掉": an English word of politeness touching the Chinese
    current = ENGLISH_BEFORE_CHINESE.matcher(current).replaceFirst("");
    String previous;
    do {
      previous = current;
      for (Pattern pattern : LEADING) {
        current = trimJunk(pattern.matcher(current).replaceFirst(""));
      }
      for (Pattern pattern : TRAILING) {
        current = trimJunk(pattern.matcher(current).replaceFirst(""));
      }
    } while (!current.equals(previous));
    return current;
  }

  private static final Pattern ENGLISH_BEFORE_CHINESE =
      Pattern.compile(
          "^(?:please|pls|plz|hi|hey|hello|ok|okay|yo|help me|help)\\s*[,，]?\\s*(?=\\p{IsHan})",
          FLAGS);

  private static final Pattern FIRST_WORD = Pattern.compile("^([A-Za-z]{4,7})\\b[,!]?\\s+(?=\\S)");

  private static final org.apache.commons.text.similarity.DamerauLevenshteinDistance DISTANCE =
      new org.apache.commons.text.similarity.DamerauLevenshteinDistance(2);

  /** Real words that are near "please". */
  private static final java.util.Set<String> NOT_PLEASE =
      java.util.Set.of(
          "plus", "plays", "pluses", "plans", "plots", "plugs", "pleats", "places", "plates",
          "planes", "plants", "plies", "plush", "pleads", "pulse", "lapse", "pleased", "pleases");

  /** "pleaes delete the cones", "plese …": a mistyped "please" in front is politeness too. */
  private static String withoutMistypedPlease(String text) {
    java.util.regex.Matcher first = FIRST_WORD.matcher(text);
    if (first.find()) {
      String word = first.group(1).toLowerCase(java.util.Locale.ROOT);
      int distance = DISTANCE.apply(word, "please");
      if (word.startsWith("pl")
          && word.matches(".*[sz].*")
          && distance >= 0
          && distance <= 2
          && !NOT_PLEASE.contains(word)) {
        return text.substring(first.end());
      }
    }
    return text;
  }

  /**
   * Trims spaces, sentence punctuation and emoji from both ends: "hey bot, remove the car!! 🙏".
   * Brackets and quotes are kept; they may belong to a phrase.
   */
  static String trimJunk(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isJunk(text.codePointAt(start))) {
      start += Character.charCount(text.codePointAt(start));
    }
    while (end > start && isJunk(text.codePointBefore(end))) {
      end -= Character.charCount(text.codePointBefore(end));
    }
    return text.substring(start, end);
  }

  private static boolean isJunk(int codePoint) {
    if (Character.isWhitespace(codePoint) || ".!?,;:~…。！？，；：、-".indexOf(codePoint) >= 0) {
      return true;
    }
    int type = Character.getType(codePoint);
    return type == Character.OTHER_SYMBOL
        || type == Character.MODIFIER_SYMBOL
        || type == Character.NON_SPACING_MARK;
  }
}
