package dev.klingbot.core.instruction;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says a few ways of asking in the form the recognisers read, by kind: chat spellings of a verb
 * ("rmv", "dlt", "pls remov"), the thing said as a state ("X gone please", "no more X"), a passive
 * or modal question ("can X be deleted from the clip?", "I want X removed", "can she be removed?"
 * becomes "remove her", which an earlier sentence then names), a swap said as a wish ("I want X to
 * be this Y instead", "X should be this one instead", "make X the Y from this photo", "X is old,
 * switch it to this one"), an addition said as a wish ("would be cool if this kite was flying in
 * the sky", "I'd love to see this puppy …"), Chinese questions (X能去掉不, X去得掉吗, 他手里的X能换成…吗), Chinese
 * wishes for an addition (要是这只狗能…就好了, 想看到这只风筝…) and a Chinese thing with an English verb after it
 * (路灯 remove, 字幕 gone please). Anything else is returned unchanged.
 */
final class Rephrasings {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final String DETERMINER =
      "(?:the|that|this|those|these|my|his|her|its|their|our|your|a|an)";

  private static final String PLACE_IN_VIDEO =
      "(?:\\s+(?:from|out of|of|off|in)\\s+(?:the|this|my|our)\\s+(?:video|clip|footage|shot|frame|scene"
          + "|picture|film|recording))?";

  /** The participle of a removal verb, and the verb it comes from. */
  private static final Map<String, String> REMOVED =
      Map.ofEntries(
          Map.entry("removed", "remove"),
          Map.entry("deleted", "delete"),
          Map.entry("erased", "erase"),
          Map.entry("taken out", "take out"),
          Map.entry("taken away", "take away"),
          Map.entry("cut out", "cut out"),
          Map.entry("edited out", "edit out"),
          Map.entry("painted out", "paint out"),
          Map.entry("wiped out", "wipe out"),
          Map.entry("gotten rid of", "get rid of"),
          Map.entry("got rid of", "get rid of"),
          Map.entry("eliminated", "eliminate"),
          Map.entry("gone", "remove"));

  private static final String REMOVED_ALTERNATION =
      String.join(
          "|", REMOVED.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList());

  /**
   * Chat abbreviations of removal verbs: "rmv", "rm", "del", "dlt" ("remov" is a typo, read with a
   * notice).
   */
  private static final Pattern CHAT_VERB =
      Pattern.compile(
          "(?<![\\p{L}'])(?:rmv|rm|del|dlt)(?=\\s+(?:"
              + DETERMINER
              + "\\b|\\p{IsHan})|\\s*(?:pls|plz|please|thx|thanks)?\\s*$)",
          FLAGS);

  /** "the fence gone pls", "subtitles gone please", "want the scaffolding gone". */
  private static final Pattern GONE =
      Pattern.compile(
          "^(?:(?:i|we)(?=\\s|')\\s*)?(?:(?:really\\s+|just\\s+)?(?:want|need|'d like|would like|'d love|would love|'d rather have|wanna see|want to see)\\s+)?(?!no\\b)"
              + "((?:"
              + DETERMINER
              + "\\s+)?[\\p{L}\\p{N}' -]{2,80}?),?\\s+gone(?:\\s+(?:please|pls|plz|thanks|thx))*$",
          FLAGS);

  /** "no more logo in the corner please". */
  private static final Pattern NO_MORE =
      Pattern.compile(
          "^no\\s+more\\s+([\\p{L}\\p{N}' -]{2,80}?)(?:\\s+(?:please|pls|plz|thanks|thx))*$",
          FLAGS);

  /** "can the bicycle … be deleted from the video?", "could he be taken out?". */
  private static final Pattern MODAL_PASSIVE =
      Pattern.compile(
          "^(?:can|could|may|might|would|will|should|shall)\\s+((?:"
              + DETERMINER
              + "\\s+)?.+?|he|she|they|it)\\s+(?:be|get)\\s+(?:please\\s+)?("
              + REMOVED_ALTERNATION
              + ")"
              + PLACE_IN_VIDEO
              + "(?:\\s+(?:please|pls|plz))?$",
          FLAGS);

  /** "is it possible for the crane in the background to be removed?". */
  private static final Pattern POSSIBLE_PASSIVE =
      Pattern.compile(
          "^(?:is it|would it be|will it be)\\s+possible\\s+(?:for|to have)\\s+(.+?)\\s+(?:to\\s+be\\s+|to\\s+get\\s+)?("
              + REMOVED_ALTERNATION
              + ")"
              + PLACE_IN_VIDEO
              + "$",
          FLAGS);

  /** "I want the scooter by the door removed, it's in the way", "I need the tripod removed". */
  private static final Pattern WANT_PASSIVE =
      Pattern.compile(
          "^(?:i|we)(?:'d|\\s+would|\\s+really)?\\s+(?:want|need|like|love|prefer)\\s+("
              + DETERMINER
              + "\\s+(?:(?!\\bto be\\b|\\binstead\\b).)+?)\\s+("
              + REMOVED_ALTERNATION
              + ")"
              + PLACE_IN_VIDEO
              + "(?:\\s*[,;—–-]\\s*.*)?$",
          FLAGS);

  /** "… and the dog removed": a second request said as a state. */
  private static final Pattern AND_REMOVED =
      Pattern.compile(
          "\\s+and\\s+("
              + DETERMINER
              + "\\s+[\\p{L}\\p{N}' -]{2,60}?)\\s+(?:"
              + REMOVED_ALTERNATION
              + ")\\b",
          FLAGS);

  /** "I want the cup she's holding to be this mug instead". */
  private static final Pattern WANT_TO_BE_INSTEAD =
      Pattern.compile(
          "^(?:(?:i|we)(?:'d|\\s+would)?\\s+(?:want|like|love|prefer|wish)\\s+)("
              + DETERMINER
              + "\\s+.+?)\\s+to\\s+be\\s+((?:this|these|that|those)(?:\\s+.+?)?)\\s+instead$",
          FLAGS);

  /**
   * "Her handbag should be this one instead", "the car should be the one from my photo instead".
   */
  private static final Pattern SHOULD_BE_INSTEAD =
      Pattern.compile(
          "^("
              + DETERMINER
              + "\\s+.+?)\\s+(?:should|must|could|needs to|ought to)\\s+be\\s+((?:this|these|that|those)(?:\\s+.+?)??"
              + "|the\\s+(?:one|ones)\\s+(?:from|in|on|shown in)\\s+.+?)(?:\\s+instead)?$",
          FLAGS);

  /** "make the woman's scarf the scarf from this photo". */
  private static final Pattern MAKE_IT_THE_PICTURED =
      Pattern.compile(
          "^make\\s+("
              + DETERMINER
              + "\\s+(?:(?!\\b(?:wear|wears|hold|holds|carry|carries|have|has|get|put on|don|use|look|be|appear"
              + "|disappear|vanish|go|look|seem|become|turn|into|like)\\b).)+?)\\s+(the\\s+(?:(?!\\bthe\\b)[\\p{L}' -])+?\\s+(?:from|in|on|shown in)\\s+(?:this|the|my|that|your)"
              + "\\s+(?:photo|picture|image|pic|attachment|attached image)|(?:this|these)\\s+[\\p{L}' -]+?)(?:\\s+instead)?$",
          FLAGS);

  /** "the sign above the shop is outdated, switch it to this new one". */
  private static final Pattern REMARK_THEN_IT =
      Pattern.compile(
          "^("
              + DETERMINER
              + "\\s+[\\p{L}\\p{N}' -]{2,80}?)\\s+(?:is|are|looks|look|seems|seem|feels|'s)\\s+[^,.;!?]+"
              + "[,.;!?]\\s*(?:so\\s+|please\\s+|pls\\s+|just\\s+)?(replace|swap|swop|switch|change|exchange)"
              + "\\s+(?:it|them)\\b\\s*(.*)$",
          FLAGS);

  /** "Would be cool if this kite was flying in the sky", "how about this dog chasing the ball". */
  private static final Pattern WISH_ADDITION =
      Pattern.compile(
          "^(?:(?:(?:it\\s*(?:'d|would)|that\\s*(?:'d|would)|would|'d|wd)\\s+be\\s+(?:so\\s+|really\\s+)?"
              + "(?:cool|nice|great|awesome|fun|lovely|amazing|neat|sweet|good|better|cute|perfect)\\s+if"
              + "|how about|what about|imagine)\\s+)?((?:this|these)\\s+[\\p{L}' -]+?|(?:the|a|an|my|that)\\s+[\\p{L}' -]+?"
              + "\\s+(?:from|in|on|of)\\s+(?:the|this|that|my|your)\\s+(?:photo|picture|image|pic|pics|attachment|reference"
              + "|screenshot|drawing|sketch))\\s+"
              + "(?:(?:was|were|is|are|could be|would be)\\s+)?(?!(?:"
              + REMOVED_ALTERNATION
              + "|replaced|swapped|changed|switched|coloured|colored|painted|removing|deleting|erasing"
              + "|replacing|swapping|changing|speeding|slowing|playing music)\\b)(\\S+ing\\b.*|\\S+ed\\b.*)$",
          FLAGS);

  /**
   * "the horse in the picture galloping across the field would be amazing": the scene, then a word
   * of praise.
   */
  private static final Pattern SCENE_THEN_PRAISE =
      Pattern.compile(
          "^((?:this|these|the|a|an|my)\\s+.+?)\\s+(?:would|'d|will|could|is gonna|would totally|would really)\\s+(?:look\\s+|be\\s+)"
              + "(?:so\\s+|really\\s+|super\\s+|just\\s+|absolutely\\s+|pretty\\s+|very\\s+)?"
              + "(?:cool|nice|great|awesome|fun|lovely|amazing|neat|sweet|good|cute|perfect|adorable|epic|hilarious"
              + "|funny|beautiful|magical|fantastic|wonderful|incredible|ideal|brilliant|fab|dope|sick|rad)"
              + "(?:\\s+(?:please|pls|thanks|here|there|in the video|in the clip))*$",
          FLAGS);

  /** "make this owl appear perched on the fence": the thing, then the scene it appears in. */
  private static final Pattern APPEAR_IN_SCENE =
      Pattern.compile(
          "^(?:make|let|have|get)\\s+((?:this|these|the|a|an|my)\\s+.+?)\\s+(?:to\\s+)?(?:appear|show up|pop up|turn up"
              + "|come in|be seen)\\s+((?!(?:from|out)\\b)\\S+(?:ing|ed)\\b.*)$",
          FLAGS);

  /** A verb in the past tense that is not a participle of place: "floated", "landed". */
  private static final Pattern PAST_TENSE =
      Pattern.compile(
          "^(?!(?:perched|parked|seated|placed|propped|stacked|nestled|curled|sprawled)\\b)(\\p{L}{3,}?)ed\\b",
          FLAGS);

  /** "this video running faster" is about the video, not a thing to add. */
  private static final Pattern NOT_A_THING =
      Pattern.compile(
          "^(?:this|these)\\s+(?:video|clip|footage|shot|scene|film|frame|part|bit|section|one|thing|music|song"
              + "|sound|audio)s?$",
          FLAGS);

  /** "I'd love to see this puppy running alongside the kids". */
  private static final Pattern LOVE_TO_SEE =
      Pattern.compile(
          "^(?:(?:(?:i|we)(?:'d|\\s+would)\\s+(?:love|like)|(?:i|we)\\s+(?:want|wanna))\\s+to\\s+)?see\\s+(?=(?:this|these)\\s)",
          FLAGS);

  /** A Chinese question's ending after the verb: 去掉不, 删掉吗, 去掉么. */
  private static final Pattern CHINESE_QUESTION =
      Pattern.compile(
          "^(?:(?:能不能|可不可以|能否|可否|能|可以)(?:帮忙|帮我|麻烦)?)?(?:把)?(.+?)"
              + "(?:能不能|可不可以|能否|可否|能|可以)?"
              + "(去掉|去除|删掉|删除|删了|删|去|弄走|弄掉|拿掉|干掉|抹掉|擦掉)"
              + "(?:不|吗|么|嘛|呢)?[？?]?$");

  /** X去得掉吗, X删得掉不. */
  private static final Pattern CHINESE_CAN_IT =
      Pattern.compile("^(.+?)(去|删|弄|拿|抹|擦)得(掉|走)(?:吗|不|么)?[？?]?$");

  /** 他手里的吉他能换成这把小提琴吗. */
  private static final Pattern CHINESE_SWAP_QUESTION =
      Pattern.compile(
          "^(?:(?:能不能|可不可以|能否|可否|能|可以)(?:帮忙|帮我)?)?(?:把)?(.+?)(?:能不能|可不可以|能否|可否|能|可以)"
              + "(换成|替换成|换掉成|替换为|换为|变成|变为|改成)(.+?)(?:不|吗|么|嘛|呢)?[？?]?$");

  /** 要是这只小狗能跟孩子们一起跑就好了, 想看到这只风筝在天上飞. */
  private static final Pattern CHINESE_WISH_ADDITION =
      Pattern.compile(
          "^(?:要是|如果|真希望|希望|我想看到|想看到|想看|好想看到|我希望)((?:这|那|图里的|图片里的)[^，,]+?)(?:能|可以|会)?"
              + "((?:跟|和|在|从|飞|跑|坐|躺|站|趴|走|游)[^，,]*?)(?:就好了|就好|就更好了|多好|该多好|吧)?$");

  /** 让他的帽子变成图里的牛仔帽: 让 before a swap is 把. */
  private static final Pattern CHINESE_LET_BECOME =
      Pattern.compile("^(?:让|使|叫)(.+?)(变成|变为|换成|换为)(.+)$");

  /** 跟孩子们一起跑. */
  private static final Pattern CHINESE_TOGETHER = Pattern.compile("^(?:跟|和)(.+?)一起(.+)$");

  /** 路灯 remove, 视频里的路灯 please delete, 字幕 gone please. */
  private static final Pattern CHINESE_THING_ENGLISH_VERB =
      Pattern.compile(
          "^([^A-Za-z]*\\p{IsHan}[^A-Za-z]*?)\\s*(?:(?:please|pls|plz)\\s+)?"
              + "(?:remove|delete|erase|rmv|rm|del|dlt|remov|gone|get rid of|take out|wipe)"
              + "(?:\\s*一下)?(?:\\s+(?:please|pls|plz|thanks|thx))*$",
          FLAGS);

  /**
   * An English verb inside a Chinese sentence, apart from its object: 在他头上 add 这顶 hat, 给她 put on
   * 这顶帽子, 这个 tripod 能 remove 吗, 这个 cup 能 replace 成图里的 mug 吗.
   */
  private static final Pattern ENGLISH_VERB_AMID_CHINESE =
      Pattern.compile(
          "(?<=\\p{IsHan})\\s*(put on|wear|add in|add|put in|put|place|insert|stick|drop|remove|delete|erase"
              + "|get rid of|take out|rmv|replace|swap|change|switch)\\s*(?=\\p{IsHan}|$|[?？])",
          FLAGS);

  private static final List<Function<String, String>> RULES =
      List.of(
          Rephrasings::chineseThingEnglishVerb,
          Rephrasings::englishVerbAmidChinese,
          Rephrasings::chatVerb,
          Rephrasings::andRemoved,
          Rephrasings::gone,
          Rephrasings::noMore,
          Rephrasings::modalPassive,
          Rephrasings::possiblePassive,
          Rephrasings::wantPassive,
          Rephrasings::wantToBeInstead,
          Rephrasings::shouldBeInstead,
          Rephrasings::appearInScene,
          Rephrasings::makeItThePictured,
          Rephrasings::remarkThenIt,
          Rephrasings::sceneThenPraise,
          Rephrasings::wishAddition,
          Rephrasings::loveToSee,
          text -> lastClause(text, Rephrasings::chineseSwapQuestion),
          text -> lastClause(text, Rephrasings::chineseCanIt),
          text -> lastClause(text, Rephrasings::chineseQuestion),
          Rephrasings::chineseWishAddition,
          Rephrasings::chineseLetBecome);

  private Rephrasings() {}

  /** {@code text} in the form the recognisers read, or {@code text} itself. */
  static String rephrase(String text) {
    String result = text.strip();
    for (Function<String, String> rule : RULES) {
      result = rule.apply(result);
    }
    return result;
  }

  /** A Chinese question in the last clause: 有个穿红衣服的女人，她能删掉吗. */
  private static String lastClause(String text, Function<String, String> rule) {
    int comma = Math.max(text.lastIndexOf('，'), text.lastIndexOf(','));
    if (comma < 0) {
      return rule.apply(text);
    }
    String last = text.substring(comma + 1);
    String rephrased = rule.apply(last);
    return rephrased.equals(last) ? text : text.substring(0, comma + 1) + rephrased;
  }

  private static String trimEnd(String text) {
    return text.replaceAll("[\\s?？!！.。]+$", "");
  }

  private static String englishVerbAmidChinese(String text) {
    if (!Scripts.hasHan(text)) {
      return text;
    }
    Matcher m = ENGLISH_VERB_AMID_CHINESE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String after = text.substring(m.end());
      // 把帽子 add 到他头上: the verb before 到 or 在 takes no 上
      boolean placed = after.startsWith("到") || after.startsWith("在");
      String verb =
          switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "put on", "wear" -> placed ? "戴" : "戴上";
            case "add", "add in", "insert" -> placed ? "加" : "加上";
            case "put", "put in", "place", "drop" -> "放";
            case "stick" -> "贴";
            case "replace", "swap", "change", "switch" ->
                after.startsWith("成") || after.startsWith("为") || after.startsWith("掉")
                    ? "换"
                    : "换掉";
            default -> after.startsWith("掉") ? "删" : "删掉";
          };
      m.appendReplacement(out, Matcher.quoteReplacement(verb));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String chatVerb(String text) {
    return CHAT_VERB.matcher(text).replaceAll("remove");
  }

  private static String chineseThingEnglishVerb(String text) {
    Matcher m = CHINESE_THING_ENGLISH_VERB.matcher(trimEnd(text));
    return m.matches() ? "把" + m.group(1).strip() + "删掉" : text;
  }

  private static String andRemoved(String text) {
    return AND_REMOVED.matcher(text).replaceAll(" and remove $1");
  }

  private static String gone(String text) {
    String trimmed = trimEnd(text);
    Matcher m = GONE.matcher(trimmed);
    if (!m.matches()
        || m.group(1).toLowerCase(Locale.ROOT).matches(".*\\b(?:is|are|was|be|been)$")) {
      return text;
    }
    return "remove " + m.group(1).strip();
  }

  private static String noMore(String text) {
    Matcher m = NO_MORE.matcher(trimEnd(text));
    return m.matches() ? "remove " + m.group(1).strip() : text;
  }

  private static String modalPassive(String text) {
    Matcher m = MODAL_PASSIVE.matcher(trimEnd(text));
    if (!m.matches()) {
      return text;
    }
    return REMOVED.get(m.group(2).toLowerCase(Locale.ROOT)) + " " + objectForm(m.group(1));
  }

  private static String possiblePassive(String text) {
    Matcher m = POSSIBLE_PASSIVE.matcher(trimEnd(text));
    if (!m.matches()) {
      return text;
    }
    return REMOVED.get(m.group(2).toLowerCase(Locale.ROOT)) + " " + objectForm(m.group(1));
  }

  private static String wantPassive(String text) {
    Matcher m = WANT_PASSIVE.matcher(trimEnd(text));
    if (!m.matches()) {
      return text;
    }
    return REMOVED.get(m.group(2).toLowerCase(Locale.ROOT)) + " " + m.group(1);
  }

  /** "he" → "him": the pronoun is then read as the thing an earlier sentence named. */
  private static String objectForm(String subject) {
    return switch (subject.strip().toLowerCase(Locale.ROOT)) {
      case "he" -> "him";
      case "she" -> "her";
      case "they" -> "them";
      default -> subject.strip();
    };
  }

  private static String wantToBeInstead(String text) {
    Matcher m = WANT_TO_BE_INSTEAD.matcher(trimEnd(text));
    return m.matches() ? "replace " + m.group(1) + " with " + pictured(m.group(2)) : text;
  }

  private static String shouldBeInstead(String text) {
    Matcher m = SHOULD_BE_INSTEAD.matcher(trimEnd(text));
    return m.matches() ? "replace " + m.group(1) + " with " + pictured(m.group(2)) : text;
  }

  /** "these" alone is the thing in the picture: "the ones in this picture". */
  private static String pictured(String replacement) {
    return switch (replacement.strip().toLowerCase(Locale.ROOT)) {
      case "this", "that" -> "this one";
      case "these", "those" -> "the ones in this picture";
      default -> replacement;
    };
  }

  private static String makeItThePictured(String text) {
    Matcher m = MAKE_IT_THE_PICTURED.matcher(trimEnd(text));
    if (!m.matches()
        || (!m.group(2).toLowerCase(Locale.ROOT).startsWith("the ")
            && !EnglishPhrases.namesTheThingShown(m.group(2)))) {
      return text;
    }
    return "replace " + m.group(1) + " with " + m.group(2);
  }

  private static String remarkThenIt(String text) {
    Matcher m = REMARK_THEN_IT.matcher(trimEnd(text));
    if (!m.matches()) {
      return text;
    }
    String rest = m.group(3).strip().replaceFirst("(?i)^(?:to|for|with|by|into)\\s+", "");
    if (rest.matches(
        "(?i)^(?:this|that|these|the)(?:\\s+(?:new|other|better|nicer|newer))?(?:\\s+(?:one|ones))?$")) {
      // "this new one" is whatever the picture shows
      rest = "";
    }
    return "replace " + m.group(1) + (rest.isEmpty() ? "" : " with " + rest);
  }

  private static String wishAddition(String text) {
    Matcher m = WISH_ADDITION.matcher(trimEnd(text));
    if (!m.matches() || NOT_A_THING.matcher(m.group(1)).matches()) {
      return text;
    }
    String scene = m.group(2);
    Matcher past = PAST_TENSE.matcher(scene);
    if (past.lookingAt()) {
      // "if this balloon floated above the crowd": "floating above the crowd"
      scene = past.group(1) + "ing" + scene.substring(past.end());
    }
    return "I'd love " + fromTheImage(m.group(1)) + " " + scene;
  }

  private static String sceneThenPraise(String text) {
    Matcher m = SCENE_THEN_PRAISE.matcher(trimEnd(text));
    return m.matches() && showsTheImage(m.group(1)) ? "I'd love " + fromTheImage(m.group(1)) : text;
  }

  private static String appearInScene(String text) {
    Matcher m = APPEAR_IN_SCENE.matcher(trimEnd(text));
    return m.matches() && showsTheImage(m.group(1))
        ? "I'd love " + fromTheImage(m.group(1)) + " " + m.group(2)
        : text;
  }

  /** "the boat in this picture" says where the thing is, not where it goes: "from this picture". */
  private static final Pattern IN_THE_IMAGE =
      Pattern.compile(
          "\\b(?:in|on)\\s+((?:the|this|that|my|your)\\s+(?:photo|picture|image|pic|pics|attachment|reference"
              + "|screenshot|drawing|sketch))\\b",
          FLAGS);

  private static String fromTheImage(String thing) {
    return IN_THE_IMAGE.matcher(thing).replaceFirst("from $1");
  }

  /** "this owl", "the kitten from this photo": a thing the image shows. */
  private static boolean showsTheImage(String phrase) {
    String lower = phrase.toLowerCase(Locale.ROOT);
    return lower.startsWith("this ")
        || lower.startsWith("these ")
        || EnglishPhrases.mentionsImage(phrase);
  }

  private static String loveToSee(String text) {
    Matcher m = LOVE_TO_SEE.matcher(text);
    return m.lookingAt() ? "I'd love " + text.substring(m.end()) : text;
  }

  private static String chineseQuestion(String text) {
    if (!Scripts.hasHan(text)) {
      return text;
    }
    Matcher m = CHINESE_QUESTION.matcher(text.strip());
    if (!m.matches() || !namesAThing(m.group(1))) {
      return text;
    }
    String verb =
        switch (m.group(2)) {
          case "删", "删了" -> "删掉";
          case "去" -> "去掉";
          default -> m.group(2);
        };
    return "把" + m.group(1) + verb;
  }

  /**
   * Whether the words before the verb name a thing: not 帮忙 alone (能帮忙去掉吗 names nothing), and not a
   * clause that already has its 把 (想请您帮忙把梯子删掉 is read as it is).
   */
  private static boolean namesAThing(String words) {
    return !words.isBlank()
        && !words.matches("^(?:帮忙|帮我|帮|麻烦|请|给我|您|你|想请您|想请你|就|直接|不|能|可|以|否|可以|不能)+$")
        && !words.contains("把")
        && !words.contains("将");
  }

  private static String chineseCanIt(String text) {
    Matcher m = CHINESE_CAN_IT.matcher(text.strip());
    return m.matches() && namesAThing(m.group(1))
        ? "把" + m.group(1) + m.group(2) + m.group(3)
        : text;
  }

  private static String chineseSwapQuestion(String text) {
    Matcher m = CHINESE_SWAP_QUESTION.matcher(text.strip());
    return m.matches() && namesAThing(m.group(1))
        ? "把" + m.group(1) + m.group(2) + m.group(3)
        : text;
  }

  private static String chineseLetBecome(String text) {
    Matcher m = CHINESE_LET_BECOME.matcher(trimEnd(text));
    return m.matches() && namesAThing(m.group(1))
        ? "把" + m.group(1) + m.group(2) + m.group(3)
        : text;
  }

  private static String chineseWishAddition(String text) {
    Matcher m = CHINESE_WISH_ADDITION.matcher(trimEnd(text));
    if (!m.matches()) {
      return text;
    }
    // 跟孩子们一起跑: the place is beside the people named
    Matcher together = CHINESE_TOGETHER.matcher(m.group(2));
    return "让"
        + m.group(1)
        + (together.matches() ? "在" + together.group(1) + "旁边" + together.group(2) : m.group(2));
  }
}
