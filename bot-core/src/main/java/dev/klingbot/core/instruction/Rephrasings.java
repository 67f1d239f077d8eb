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

  /** "please", "thanks" at the end. */
  private static final String POLITE_END = "(?:\\s+(?:please|pls|plz|thanks|thx))*$";

  /** "the photo", "my screenshot": the image sent with the request. */
  private static final String THE_IMAGE =
      "(?:the|this|that|my|your)\\s+(?:photo|picture|image|pic|pics|attachment|reference"
          + "|screenshot|drawing|sketch)";

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
              + "\\s+)?[\\p{L}\\p{N}' -]{2,80}?),?\\s+gone"
              + POLITE_END,
          FLAGS);

  /** "no more logo in the corner please". */
  private static final Pattern NO_MORE =
      Pattern.compile("^no\\s+more\\s+([\\p{L}\\p{N}' -]{2,80}?)" + POLITE_END, FLAGS);

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
              + "\\s+(?:from|in|on|of)\\s+"
              + THE_IMAGE
              + ")\\s+"
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

  /** 能不能, 可以: asking whether a thing can be done. */
  private static final String CHINESE_CAN = "(?:能不能|可不可以|能否|可否|能|可以)";

  /** The end of a Chinese question: 不, 吗, 么, and the question mark. */
  private static final String CHINESE_QUESTION_END = "(?:不|吗|么|嘛|呢)?[？?]?$";

  /** A Chinese question's ending after the verb: 去掉不, 删掉吗, 去掉么. */
  private static final Pattern CHINESE_QUESTION =
      Pattern.compile(
          "^(?:"
              + CHINESE_CAN
              + "(?:帮忙|帮我|麻烦)?)?(?:把)?(.+?)"
              + CHINESE_CAN
              + "?(去掉|去除|删掉|删除|删了|删|去|弄走|弄掉|拿掉|干掉|抹掉|擦掉)"
              + CHINESE_QUESTION_END);

  /** X去得掉吗, X删得掉不. */
  private static final Pattern CHINESE_CAN_IT =
      Pattern.compile("^(.+?)(去|删|弄|拿|抹|擦)得(掉|走)(?:吗|不|么)?[？?]?$");

  /** 他手里的吉他能换成这把小提琴吗. */
  private static final Pattern CHINESE_SWAP_QUESTION =
      Pattern.compile(
          "^(?:"
              + CHINESE_CAN
              + "(?:帮忙|帮我)?)?(?:把)?(.+?)"
              + CHINESE_CAN
              + "(换成|替换成|换掉成|替换为|换为|变成|变为|改成)(.+?)"
              + CHINESE_QUESTION_END);

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
              + "(?:\\s*一下)?"
              + POLITE_END,
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

  /** A word of praise for how the video would be: "great", "so much better", "perfect". */
  private static final String PRAISE =
      "(?:(?:so|much|way|a lot|a bit|a little|even|really|super|just|far|totally|absolutely|loads|tons"
          + "|so+|a hundred times|ten times|infinitely|definitely|honestly|probably|simply|heaps|like)\\s+)*"
          + "(?:great|good|nice|better|best|perfect|ideal|amazing|awesome|lovely|cleaner|clean|nicer|neater"
          + "|prettier|tidier|cool|fine|fantastic|wonderful|beautiful|stunning|brilliant|gorgeous|superb"
          + "|excellent|sweet|neat|flawless|spot on|less cluttered|less busy|more professional|more natural"
          + "|calmer|clearer|sharper looking|more beautiful|more pleasing|easier on the eye|a lot nicer"
          // "a perfect shot", "a great clip"
          + "|(?:a|an)\\s+(?:(?:really|so|super|much|truly|absolutely)\\s+)?(?:perfect|great|nice|better|amazing|awesome"
          + "|lovely|beautiful|stunning|brilliant|gorgeous|cleaner|fantastic|wonderful|cool|good)\\s+(?:shot|video|clip"
          + "|scene|picture|photo|one|take|frame|image|view|edit|film))";

  /** What the video is called before "would be great": "it", "this shot", "the scene". */
  private static final String WHOLE =
      "(?:it|this|that|everything|the whole thing|the (?:video|clip|shot|scene|footage|frame|picture|view"
          + "|result|edit|background|image|film|recording|vid)|this (?:video|clip|shot|scene|footage|frame"
          + "|picture|one|view|image|film|recording|vid)|my (?:video|clip|shot|footage|film|vid))";

  /** Any short subject after the thing: "the beach", "this garden", "the whole place". */
  private static final String SUBJECT =
      "(?:it|this|that|everything|(?:the|this|my|our)\\s+(?:whole\\s+|entire\\s+)?[\\p{L}-]+)";

  private static final String WOULD =
      "(?:\\s*'d|\\s*'ll|\\s+would|\\s+will|\\s+might|\\s+could)(?:\\s+(?:honestly|really|definitely|probably"
          + "|totally|just|actually|certainly|surely|def|so|seriously|literally))*";

  private static final String BE_OR_LOOK =
      "(?:(?:look|be|seem|feel|turn out|come out|be so much|look so much)\\s+)";

  /** "without", "with no", "minus" before the thing the video would be better without. */
  private static final String WITHOUT =
      "(?:without|w/o|with no|with none of|minus|sans|free of|if not for|if it (?:weren't|wasn't|were not|was not) for"
          + "|were it not for|but for|if (?:there (?:was|were|is|'s|'d be) no"
          + "|there (?:wasn't|weren't) (?:any|a|an)|it had no|it didn't have|it did not have))";

  /** A thought before the wish: "I think", "honestly", "imo". */
  private static final String THOUGHT =
      "(?:(?:i think|i feel like|i feel|imo|imho|honestly|tbh|personally|i bet|i guess|i reckon|to be honest"
          + "|in my opinion|seriously|really|also|plus|but|and|so|tbh)\\s*,?\\s+)*";

  /** "it would be great without X", "wouldn't it be better with no X", "better without X". */
  private static final Pattern PRAISE_WITHOUT =
      Pattern.compile(
          "^"
              + THOUGHT
              + "(?:(?:wouldn't|would not|won't|will not)\\s+(?:it|this|that|the (?:video|clip|shot|scene))\\s+"
              + "|"
              + SUBJECT
              + WOULD
              + "?\\s+|(?:would|'d|will)\\s+)?"
              + BE_OR_LOOK
              + "?"
              + PRAISE
              + "\\s+"
              + WITHOUT
              + "\\s+(.+)$",
          FLAGS);

  /** "Without the boom mic, this would be perfect", "if there was no fence it would be amazing". */
  private static final Pattern WITHOUT_THEN_PRAISE =
      Pattern.compile(
          "^"
              + THOUGHT
              + "(?:if only\\s+)?"
              + WITHOUT
              + "\\s+(.+?)\\s*,?\\s+(?:then\\s+|honestly\\s+|i think\\s+)*"
              + SUBJECT
              + WOULD
              + "\\s+"
              + BE_OR_LOOK
              + "?"
              + PRAISE
              + "(?:\\s+(?:already|then|for sure|too|again|honestly))*$",
          FLAGS);

  /** "if the van wasn't there it'd look great", "if the sign were gone, it would be perfect". */
  private static final Pattern IF_NOT_THERE_THEN_PRAISE =
      Pattern.compile(
          "^"
              + THOUGHT
              + "if\\s+(?:only\\s+)?("
              + DETERMINER
              + "\\s+.+?)\\s+(?:wasn't|weren't|was not|were not|isn't|is not|wouldn't be|was gone|were gone"
              + "|was removed|were removed|disappeared|vanished|went away)"
              + "(?:\\s+(?:there|here|in (?:it|the (?:shot|frame|picture|video|clip|scene|background))))?"
              + "\\s*,?\\s+(?:then\\s+)?"
              + SUBJECT
              + WOULD
              + "\\s+"
              + BE_OR_LOOK
              + "?"
              + PRAISE
              + "$",
          FLAGS);

  /**
   * "it would be so nice if there was no sticker on the window", "I'd love it if there were no X".
   */
  private static final Pattern PRAISE_IF_NONE =
      Pattern.compile(
          "^"
              + THOUGHT
              + "(?:"
              + SUBJECT
              + WOULD
              + "\\s+"
              + BE_OR_LOOK
              + "?"
              + PRAISE
              + "|(?:i|we)(?:'d|\\s+would)\\s+(?:love|like|prefer)\\s+it)\\s+if\\s+(?:there\\s+(?:was|were|is|'s|'d be)\\s+no"
              + "|there\\s+(?:wasn't|weren't)\\s+(?:any|a|an)|we had no|it had no|it didn't have(?:\\s+(?:any|a|an))?)\\s+(.+)$",
          FLAGS);

  /** "the shot is perfect except for the trash can": praise now, and the one thing in the way. */
  private static final Pattern PRAISE_EXCEPT =
      Pattern.compile(
          "^"
              + THOUGHT
              + "(?:"
              + SUBJECT
              + "\\s*(?:is|'s|looks|seems|would be|'d be)\\s+(?:(?:all|just|pretty much|almost|nearly|basically)\\s+)?)?"
              + PRAISE
              + "\\s*,?\\s+(?:except for|except|apart from|other than|save for|but for|bar)\\s+(.+)$",
          FLAGS);

  /**
   * What a conditional removal must not hold: a second request ("… and with a dog on the sofa").
   */
  private static final Pattern NOT_ONE_THING =
      Pattern.compile(
          "\\b(?:and|but|then|also|plus)\\s+(?:with|add|put|have|make|swap|replace|change|turn|a|an|some|more)\\b"
              + "|^\\p{L}+ing\\b",
          FLAGS);

  /** 画面, 整个视频: what would look better, said before the praise. */
  private static final String CHINESE_SUBJECT = "(?:整个画面|整个视频|这个画面|这个视频|画面|视频|镜头|效果|整体|看起来|看着)?";

  /** 画面里, 视频中: where in the video the thing is, said before it. */
  private static final String CHINESE_IN_VIDEO = "画面里|画面中|视频里|视频中";

  /** 没有, 少了: the thing not there. */
  private static final String CHINESE_NONE = "(?:没有|没了|少了)";

  /** A thought before the wish: 我觉得, 其实. */
  private static final String CHINESE_THOUGHT = "(?:我觉得|说实话|其实)?";

  /** Words that lead to the praise: 那就, 会更, 应该会. */
  private static final String CHINESE_TO_PRAISE = "那|那就|就|会|就会|那会|会更|应该会|肯定会|可能会";

  /** How much better: 更, 特别, 简直. */
  private static final String CHINESE_DEGREE = "更|特别|很|非常|超|真的|简直";

  /**
   * How the video would look, after the subject: 会更好看, 就完美了, 那就干净多了. {@code leads} are the words
   * that may come before the praise, {@code degrees} those of how much.
   */
  private static String chinesePraise(String leads, String degrees) {
    return CHINESE_SUBJECT
        + "(?:"
        + leads
        + ")*(?:"
        + degrees
        + ")?(?:好了|好|完美了|完美|好看|干净|舒服|棒|美|理想|清爽|顺眼|漂亮|自然|整洁)"
        + "(?:了|啊|呀|吧|多了|很多|一些|一点|得多|不少)*";
  }

  /** 要是没有那个垃圾桶(就好了), 如果画面里没有电线就完美了, 假如没有广告牌. */
  private static final Pattern CHINESE_IF_NONE =
      Pattern.compile(
          "^(?:我觉得|我感觉|感觉|说实话|其实|真的)?(?:"
              + CHINESE_IN_VIDEO
              + "|镜头里)?(?:要是|如果|假如|假设|若是|倘若|如果说|要是说|真希望|希望|要)(?:能|可以|能够)?"
              + "(?:画面里|画面中|画面上|视频里|视频中|镜头里|这里)?(?:没有|没了|少了|不要有|没)(.+?)(?:的话)?"
              + "(?:[，,]?"
              + chinesePraise(CHINESE_TO_PRAISE + "|绝对|一定|看起来|看着|看上去", CHINESE_DEGREE)
              + ")?$");

  /** 没有那个路人会更好, 没有后面那辆车的话会好看很多: no wish word, so the praise must follow. */
  private static final Pattern CHINESE_NONE_THEN_PRAISE =
      Pattern.compile(
          "^(?:"
              + CHINESE_IN_VIDEO
              + ")?"
              + CHINESE_NONE
              + "(.+?)(?:的话)?[，,]?"
              + chinesePraise(CHINESE_TO_PRAISE + "|看起来|看着|看上去", CHINESE_DEGREE)
              + "$");

  /** 没有这些游客的话(就好了): the praise already stripped as politeness. */
  private static final Pattern CHINESE_NONE_IF =
      Pattern.compile("^(?:" + CHINESE_IN_VIDEO + ")?" + CHINESE_NONE + "(.+?)的话$");

  /** 如果能把那个路人去掉, 要是可以删掉这根电线: a wish, then an ordinary request. */
  private static final Pattern CHINESE_IF_VERB =
      Pattern.compile(
          "^"
              + CHINESE_THOUGHT
              + "(?:画面里|视频里)?(?:要是|如果|假如|真希望|希望)(?:你)?(?:能|可以|能够)(?:帮我|帮忙)?"
              + "((?:把|将|删|去掉|去除|移除|抹掉|擦掉|拿掉|弄走|弄掉|换|用).+)$");

  /** 如果那个路人不在画面里就好了, 要是这根电线消失就好了. */
  private static final Pattern CHINESE_IF_GONE =
      Pattern.compile(
          "^"
              + CHINESE_THOUGHT
              + "(?:"
              + CHINESE_IN_VIDEO
              + "|镜头里)?(?:要是|如果|假如|假设|若是|倘若|真希望|希望)(.+?)(?:能|可以)?(?:不在|没在|消失|不见|没了|不见了|消失了|不存在)"
              + "(?:画面|视频|镜头|这里|那里|那儿|这儿)?(?:里|中|上)?(?:面)?(?:了)?(?:的话)?"
              + "(?:[，,]?"
              + chinesePraise("那|那就|就|会|就会|会更|看起来|看着", "更|特别|很|非常|超")
              + ")?$");

  /**
   * "use the one from my image instead", "put the wicker chair from my picture in its place", "swap
   * in the one from my photo": the new thing, with the old one named before ("it").
   */
  private static final Pattern USE_INSTEAD =
      Pattern.compile(
          "^(?:(?:just|then|so|maybe|please|and|instead)\\s+)*(?:use|put|take|go with|have|get|pop|drop|stick|place"
              + "|bring|try|swap in|switch in|sub in|pop in|drop in|put in|bring in|stick in|slot in)\\s+(.+?)\\s+"
              + "(?:instead|there instead|in there instead|in (?:its|their|his|her) (?:place|spot|stead)"
              + "|in place of (?:it|them|that|this|him|her)|as (?:its|their|a|the) replacement"
              + "|to replace (?:it|them|that|this))$",
          FLAGS);

  /** "swap in the one from my photo": the thing named before is the original. */
  private static final Pattern SWAP_IN =
      Pattern.compile(
          "^(?:(?:just|then|so|maybe|please|and)\\s+)*(?:swap|switch|sub|put|pop|drop|bring|slot)\\s+in\\s+(.+)$",
          FLAGS);

  /** "my photo's armchair": the image's thing. */
  private static final Pattern IMAGE_POSSESSIVE =
      Pattern.compile(
          "^(?:my|the|this|your|that)\\s+(?:photo|picture|image|pic|reference|screenshot|attachment)'s\\s+\\S",
          FLAGS);

  /**
   * 这两张图 add 进去：左边放 lamp，右边放 plant: each image has its own place; read as 把 lamp 和 plant 分别放到左边和右边.
   */
  private static final Pattern CHINESE_IMAGES_PLACED =
      Pattern.compile(
          "^(?:把|将)?\\s*(?:(?i:add|put)|加上|添加|加|放)?\\s*(?:这|那)?(两|俩|2|三|3)\\s*张\\s*(?:图片|照片|图像|图|(?i:pics|pictures|images|photos))?"
              + "(?:里的东西|里的)?\\s*(?:都|也|分别)?\\s*(?:(?i:add|put)|加上|加进|加入|添加|放进|放入|放|加|弄|塞)?\\s*"
              + "(?:进去|进来|进|到视频里|到视频中|进视频里|进视频|到画面里|进画面里|进画面|到画面中|到里面|视频里|视频中|画面里"
              + "|画面中|里|去)?"
              + "\\s*[：:，,]\\s*(.+)$");

  /** One place and its thing: 左边放 lamp, 沙发上放一盏台灯. */
  private static final Pattern CHINESE_PLACE_THING =
      Pattern.compile(
          "^(.+?)\\s*(?:放上|加上|摆上|放个|加个|放一个|加一个|放|加|摆|添|(?i:add|put|place))\\s*"
              + "(?:一个|一只|一盏|一盆|一把|一张|个|只|盏|盆|把|张)?\\s*(.+)$");

  /** 左边, 沙发上, 在门口: a place, not a thing. */
  private static final Pattern CHINESE_PLACE =
      Pattern.compile("^(?:在|到).+|(?:边|面|上|里|下|前|后|旁|间|角|处|侧|附近|门口|中)$");

  /** 第一张, 第二张图: an image named by its place in the order. */
  private static final Pattern ORDINAL_IMAGE_CHINESE =
      Pattern.compile("^第[一二两三123](?:张|个|幅)?(?:图片|照片|图像|图)?(?:里的东西|的东西|里的|的)?$");

  /** "the first one", "image 2", "the second picture". */
  private static final Pattern ORDINAL_IMAGE_ENGLISH =
      Pattern.compile(
          "^(?:the\\s+)?(?:(?:first|second|1st|2nd|other|last)(?:\\s+(?:one|image|picture|photo|pic))?"
              + "|(?:image|picture|photo|pic)\\s*#?\\s*[12])$",
          FLAGS);

  /** "add both pictures: the lamp on the left, the plant on the right". */
  private static final Pattern ENGLISH_IMAGES_PLACED =
      Pattern.compile(
          "^(?:add|put|place|insert|drop|pop|stick)\\s+(?:both|these two|those two|the two|both of these|both of them"
              + "|them both|these both|the pair)(?:\\s+(?:pictures|images|photos|pics|things|ones|items|of them))?"
              + "(?:\\s+in(?:to (?:the|my) (?:video|clip))?)?\\s*[:,;—–-]\\s*(.+)$",
          FLAGS);

  private static final Pattern ENGLISH_PLACE_THING =
      Pattern.compile(
          "^(.+?)\\s+(in front of|next to|onto|into|on|at|in|to|by|near|beside|behind|under|above|over)\\s+(.+)$",
          FLAGS);

  private static final List<Function<String, String>> RULES =
      List.of(
          Rephrasings::imagesPlaced,
          Rephrasings::chineseIfNone,
          Rephrasings::chineseThingEnglishVerb,
          Rephrasings::englishVerbAmidChinese,
          Rephrasings::chatVerb,
          Rephrasings::praiseWithout,
          Rephrasings::useInstead,
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

  private static String praiseWithout(String text) {
    // "would've been great", "could have looked nicer": the same wish in the past
    String trimmed =
        PAST_CONDITIONAL
            .matcher(trimEnd(text))
            .replaceAll(m -> m.group(1) + " " + present(m.group(2)));
    for (Pattern pattern :
        List.of(
            PRAISE_WITHOUT,
            WITHOUT_THEN_PRAISE,
            IF_NOT_THERE_THEN_PRAISE,
            PRAISE_IF_NONE,
            PRAISE_EXCEPT)) {
      Matcher m = pattern.matcher(trimmed);
      if (m.matches()) {
        String thing = TRAILING_OPINION.matcher(m.group(1).strip()).replaceFirst("");
        if (thing.isEmpty() || NOT_ONE_THING.matcher(thing).find()) {
          return text;
        }
        return "remove " + thing;
      }
    }
    return text;
  }

  /** "… the fence tbh", "… the watermark imo": an aside after the thing. */
  private static final Pattern TRAILING_OPINION =
      Pattern.compile(
          "(?:\\s*,?\\s+(?:tbh|imo|imho|honestly|lol|haha+|though|tho|ngl|fr|for real|to be honest|in my opinion"
              + "|i think|i guess|i reckon|if you ask me|for sure|really))+$",
          FLAGS);

  private static final Pattern PAST_CONDITIONAL =
      Pattern.compile(
          "\\b(would|could|might)(?:'ve|\\s+have|\\s+of)\\s+(been|looked|seemed)\\b", FLAGS);

  private static String present(String participle) {
    return switch (participle.toLowerCase(Locale.ROOT)) {
      case "been" -> "be";
      case "looked" -> "look";
      default -> "seem";
    };
  }

  private static String chineseIfNone(String text) {
    if (!Scripts.hasHan(text)) {
      return text;
    }
    String trimmed = trimEnd(text);
    Matcher verb = CHINESE_IF_VERB.matcher(trimmed);
    if (verb.matches()) {
      // 如果能把那个路人去掉(就好了): the wish around an ordinary request
      return verb.group(1);
    }
    for (Pattern pattern :
        List.of(CHINESE_IF_NONE, CHINESE_NONE_THEN_PRAISE, CHINESE_IF_GONE, CHINESE_NONE_IF)) {
      Matcher m = pattern.matcher(trimmed);
      if (m.matches()) {
        String thing = m.group(1).strip();
        if (!namesAThing(thing) || thing.length() < 1) {
          return text;
        }
        return "把" + thing + "删掉";
      }
    }
    return text;
  }

  private static String useInstead(String text) {
    String whole = useInsteadAlone(text);
    if (!whole.equals(text)) {
      return whole;
    }
    // "the sign above the shop is outdated; have the one from my photo there instead"
    Matcher clause = LAST_CLAUSE.matcher(trimEnd(text));
    if (clause.matches()) {
      String last = useInsteadAlone(clause.group(2));
      if (!last.equals(clause.group(2))) {
        return clause.group(1) + "; " + last;
      }
    }
    return text;
  }

  private static final Pattern LAST_CLAUSE = Pattern.compile("^(.+?)\\s*[;,—–]\\s*([^;,—–]+)$");

  private static String useInsteadAlone(String text) {
    String trimmed = trimEnd(text);
    Matcher m = USE_INSTEAD.matcher(trimmed);
    String thing = null;
    String pronoun = "it";
    if (m.matches()) {
      thing = m.group(1);
      if (trimmed.matches("(?i).*\\b(?:their (?:place|spot|stead)|of them|replace them)$")) {
        pronoun = "them";
      }
    } else {
      Matcher in = SWAP_IN.matcher(trimmed);
      if (in.matches()
          && !in.group(1).matches("(?i).*\\b(?:for|instead of|in place of|with)\\b.*")) {
        thing = in.group(1);
      }
    }
    if (thing == null || !fromTheImage(thing, m.matches())) {
      return text;
    }
    return "replace " + pronoun + " with " + thing.strip();
  }

  /**
   * Whether the new thing is the image's: "the one from my photo", "my photo's armchair", "this".
   */
  private static boolean fromTheImage(String thing, boolean saidInstead) {
    return EnglishPhrases.pointsAtImage(thing)
        || IMAGE_POSSESSIVE.matcher(thing.strip()).lookingAt()
        || (saidInstead && EnglishPhrases.namesTheThingShown(thing));
  }

  /** Two (or three) images, each with its own place: "把 A 和 B 分别放到 P1 和 P2". */
  private static String imagesPlaced(String text) {
    String trimmed = trimEnd(text);
    if (Scripts.hasHan(trimmed)) {
      Matcher m = CHINESE_IMAGES_PLACED.matcher(trimmed);
      if (!m.matches()) {
        return text;
      }
      int count = m.group(1).matches("两|俩|2") ? 2 : 3;
      String[] slots = m.group(2).split("\\s*[，,；;、]\\s*");
      if (slots.length != count) {
        return text;
      }
      List<String> things = new java.util.ArrayList<>();
      List<String> places = new java.util.ArrayList<>();
      for (String slot : slots) {
        Matcher s = CHINESE_PLACE_THING.matcher(slot.strip());
        if (!s.matches() || s.group(1).isBlank() || s.group(2).isBlank()) {
          return text;
        }
        String place = s.group(1).strip();
        String thing = s.group(2).strip();
        if (ORDINAL_IMAGE_CHINESE.matcher(place).matches()
            || (!CHINESE_PLACE.matcher(place).find() && CHINESE_PLACE.matcher(thing).find())) {
          // 第一张放左边: the image first, then its place
          String swapped = place;
          place = thing.replaceFirst("^(?:在|到)", "");
          thing = swapped;
        }
        places.add(place);
        // 第一张 is whatever the first image shows
        things.add(ORDINAL_IMAGE_CHINESE.matcher(thing).matches() ? "主体" : thing);
      }
      return "把" + chineseList(things) + "分别放到" + chineseList(places);
    }
    Matcher m = ENGLISH_IMAGES_PLACED.matcher(trimmed);
    if (!m.matches()) {
      return text;
    }
    String[] slots = m.group(1).split("\\s*(?:,|;|\\band\\b)\\s*(?:and\\s+)?");
    if (slots.length != 2) {
      return text;
    }
    List<String> things = new java.util.ArrayList<>();
    List<String> places = new java.util.ArrayList<>();
    for (String slot : slots) {
      Matcher s = ENGLISH_PLACE_THING.matcher(slot.strip());
      if (!s.matches()) {
        return text;
      }
      // "lamp goes on the left"
      String thing =
          s.group(1)
              .strip()
              .replaceFirst(
                  "(?i)\\s+(?:goes|go|should go|can go|sits|sitting|placed|put|stands|standing|is|being)$",
                  "");
      if (ORDINAL_IMAGE_ENGLISH.matcher(thing).matches()) {
        // "the first one on the left": whatever the first image shows
        thing = "the subject";
      }
      if (!thing.matches("(?i)^(?:the|a|an|this|that|my|our)\\s.*")) {
        thing = "the " + thing;
      }
      String place = s.group(3).strip();
      if (!place.matches("(?i)^(?:the|a|an|this|that|my|our|his|her|their)\\s.*")) {
        place = "the " + place;
      }
      String preposition = s.group(2).toLowerCase(Locale.ROOT);
      things.add(thing);
      places.add(
          preposition.matches("on|at|in|to|onto|into")
              ? place
              : "the spot " + preposition + " " + place);
    }
    return "add "
        + things.get(0)
        + " and "
        + things.get(1)
        + " to "
        + places.get(0)
        + " and "
        + places.get(1)
        + " respectively";
  }

  private static String chineseList(List<String> items) {
    if (items.size() == 2) {
      return items.get(0) + "和" + items.get(1);
    }
    return String.join("、", items.subList(0, items.size() - 1)) + "和" + items.get(items.size() - 1);
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
    return passive(MODAL_PASSIVE, text, Rephrasings::objectForm);
  }

  private static String possiblePassive(String text) {
    return passive(POSSIBLE_PASSIVE, text, Rephrasings::objectForm);
  }

  private static String wantPassive(String text) {
    return passive(WANT_PASSIVE, text, Function.identity());
  }

  /**
   * A removal said in the passive ({@code pattern}: the thing in group 1, the participle in group
   * 2) as the verb and the thing, written by {@code object}; else {@code text}.
   */
  private static String passive(Pattern pattern, String text, Function<String, String> object) {
    Matcher m = pattern.matcher(trimEnd(text));
    if (!m.matches()) {
      return text;
    }
    return REMOVED.get(m.group(2).toLowerCase(Locale.ROOT)) + " " + object.apply(m.group(1));
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
    return replaceWithPictured(WANT_TO_BE_INSTEAD, text);
  }

  private static String shouldBeInstead(String text) {
    return replaceWithPictured(SHOULD_BE_INSTEAD, text);
  }

  /**
   * A swap said as a wish ({@code pattern}: the old thing in group 1, the new in 2), or {@code
   * text}.
   */
  private static String replaceWithPictured(Pattern pattern, String text) {
    Matcher m = pattern.matcher(trimEnd(text));
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
      Pattern.compile("\\b(?:in|on)\\s+(" + THE_IMAGE + ")\\b", FLAGS);

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
    return withBa(CHINESE_CAN_IT.matcher(text.strip()), text);
  }

  private static String chineseSwapQuestion(String text) {
    return withBa(CHINESE_SWAP_QUESTION.matcher(text.strip()), text);
  }

  private static String chineseLetBecome(String text) {
    return withBa(CHINESE_LET_BECOME.matcher(trimEnd(text)), text);
  }

  /**
   * The thing (group 1), the verb (2) and what follows (3) as a 把 sentence, when {@code m} matches
   * and names a thing; else {@code text}.
   */
  private static String withBa(Matcher m, String text) {
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
