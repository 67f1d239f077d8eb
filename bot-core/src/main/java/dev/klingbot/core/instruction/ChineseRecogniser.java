package dev.klingbot.core.instruction;

import dev.klingbot.kling.EditMode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Chinese instruction (politeness already stripped) as a removal, swap or addition. The
 * rules are tried in order; the first whose pattern matches the whole text wins. Verb lists put
 * longer verbs first (删除掉 before 删除 before 删) so the alternation takes the whole verb.
 */
final class ChineseRecogniser {
  /** "Remove" verbs: 删除, 去掉, 移除, 抹掉, 擦掉, 删掉 … */
  static final String REMOVE =
      "(?:删除掉|删除|删掉|删去|删了|删出|去除掉|去除|去掉|去了|去调|移除|移走|移出|挪走|一除|抹掉|抹去|抹除|擦掉|擦除|擦去"
          + "|除掉|除去|拿掉|拿走|清除|清掉|清理掉|清理|清走|消除|消掉|剪掉|剪除|[pP][sS]?(?:掉|了|没|走)|(?:弄|整|搞|抹|擦|删|清)(?:没了|没|不见了|不见)|弄走|弄掉|弄没|扔掉|丢掉|干掉|搞掉|搞走"
          + "|整掉|撤掉|撤走|抠掉|抠除|剔除|砍掉|切掉|扣掉|隐藏掉|隐藏|遮掉|处理掉|搬走|赶走|请走|踢掉|踢走)";

  /** Starts that make "不要…" a "don't" about an action, not "I don't want this thing". */
  private static final String ACTION_START =
      "(?:删|去|移|抹|擦|除|拿|清|消|剪|弄|扔|丢|干|搞|整|撤|抠|剔|砍|切|扣|隐|遮|换|替|改|变|加|添|放|插|摆|画|动|碰|管|做|处理"
          + "|让|把|将|给|用|在|再|这样|那样|乱|太|理|修|了|啦|吧|谢|紧|客气|担心|急|怕|说|问|告诉|回|忘|停|$)(?!面)";

  /** Verbs of a scene after the thing: 让猫躺在沙发上, 风筝在山上飞. */
  private static final String SCENE =
      "(?:跳舞|唱歌|奔跑|散步|玩耍|转圈|打滚|躺|坐|站|趴|蹲|飞|停|挂|待|呆|睡觉|睡|漂浮|飘|浮|立|出现|落|卧|栖息|靠|游|跑|走|玩|晃|蹦|跳|盘旋)";

  /** "Turn into" verbs between the old and the new element: 换成, 替换为, 变成 … */
  static final String INTO = "(?:替换成为|替换成|替换为|换成|换为|改成|改为|变成|变为)";

  /** "Add" verbs: 添加, 加上, 放上 …; the one-character ones last. */
  static final String ADD = "(?:添加|加上|加入|放上|放置|增加|插入|摆上|摆放|画上|挂上|贴上|添上|放|加|摆|挂|贴|添)";

  /** "Put it at" verbs after 把X: 放到, 放在, 加到, 戴到 … */
  private static final String PUT_AT =
      "(?:放到|放在|放进|放入|加到|加在|添加到|添加在|加入到|贴到|贴在|戴到|戴在|安到|安在|插到|插在|摆到|摆在|移到)";

  /** "Put on" verbs after 给Y: 加上, 戴上, 穿上 … */
  private static final String GIVE = "(?:加上|添加|添上|戴上|穿上|配上|装上|放上|摆上|挂上|贴上|画上|插上|加|添|戴|穿|放|摆|挂|贴)";

  /** Words after 在X that say "on / in / beside X". */
  private static final String PLACE_WORD = "(?:上面|下面|前面|后面|旁边|左边|右边|附近|里面|上|里|中|下|前|后|边)";

  /** Starts that look like "add" or "put" but mean speed, size or trimming: 加速, 放大, 放慢. */
  private static final Pattern NOT_AN_ADDITION = Pattern.compile("^(?:加速|加快|加长|加强|加亮|加深|放大|放慢|放缩)");

  /** A leading "in the video" before the verb: 在视频里删除猫 reads as 删除猫. */
  private static final Pattern LEADING_IN_VIDEO =
      Pattern.compile("^(?:在|从)?(?:视频|画面|影片|片子|镜头)(?:里面|里|中|上)(?![的间央心方部边面头侧半层])");

  /** Spaces between two Chinese characters are typing slips: 删除 视频中 的猫. */
  private static final Pattern SPACE_BETWEEN_HAN =
      Pattern.compile("(?<=\\p{IsHan})\\s+(?=\\p{IsHan})");

  /** Pronouns that point back at a thing named before: 把它删了. */
  private static final String BACK_REFERENCE = "(?:它们|他们|她们|它|他|她|这个|那个|这些|那些|这玩意儿?|那玩意儿?)";

  /** After a first clause, a request to remove what it pointed back at: ，把它删了 / ，删了它. */
  private static final String REMOVE_IT =
      "[，,。；;！!？?\\s]+(?:你|帮我|请|麻烦你?|能不能|可以|能|能否|可不可以|可否)?(?:帮我|帮忙)?(?:把|将)?"
          + "(?:"
          + BACK_REFERENCE
          + "给?我?(?:"
          + REMOVE
          + "|删|去)(?:了|掉)?|(?:"
          + REMOVE
          + "|删)(?:了|掉)?"
          + BACK_REFERENCE
          // 那只狗一直在镜头前晃来晃去，让它消失
          + "|(?:让|叫|使)"
          + BACK_REFERENCE
          + "(?:消失不见|消失|不见|离开|走开)(?:掉|了)?"
          + ")$";

  private static final List<RecognitionRule> RULES =
      List.of(
          // 画面右边有个垃圾桶，把它删了: the thing is named first, then pointed back at
          rule(
              "^([^，,。；;！!？?]*?)(?:有|出现了?|冒出来?)(?:一)?(?:个|只|张|件|条|辆|位|块|根|把|堆|些|台|棵|盏|座)?"
                  + "([^，,。；;！!？?]+?)"
                  + REMOVE_IT,
              m -> backReference(m.group(1), m.group(2))),
          // 这根电线好难看，删了它: any first clause names the thing
          rule(
              "^([^，,。；;！!？?]+?)" + REMOVE_IT,
              // "The guy in the back keeps staring. 把他去掉": an English sentence names him
              m -> Scripts.hasHan(m.group(1)) ? removal(m.group(1)) : null),
          // 背景里那个垃圾桶看着好难受，能不能去掉: the thing is named, then left out before the verb
          removalRule(
              "^(?!(?:我|我们|你|您|这是|那是|刚|今天|昨天|视频|画面|把|将|帮我|请|能|可以))([^，,。；;！!？?]+?)(?<!视频|片子|画面|镜头)"
                  + "\\s*[，,。；;！!？?]\\s*(?:你|您|请|麻烦你?)?(?:能不能|可不可以|能否|可否|能|可以)?(?:帮我|帮忙|给我)?"
                  + "(?:"
                  + REMOVE
                  + "|删|去)(?:了|掉)?(?:吗|不|么|嘛|呢|吧)?$"),
          // --- swaps ---
          // 把猫换成狗 / 将猫替换为狗
          rule("^(?:把|将)(.+?)给?" + INTO + "(.+)$", m -> swap(m.group(1), m.group(2))),
          // 用图片中的狗替换视频里的猫: the first phrase is the new element
          rule("^用(.+?)来?(?:替换掉|替换|代替|取代|替代|换掉|换)(.+)$", m -> swap(m.group(2), m.group(1))),
          // 图片里的椅子替换视频里的凳子: the first phrase points at the image, so it is the new one
          rule(
              "^(.+?)来?(?:替换掉|替换|代替|取代|替代)(.+)$",
              m -> ChinesePhrases.pointsAtImage(m.group(1)) ? swap(m.group(2), m.group(1)) : null),
          // 把杯子换掉，用图里的 / 椅子换掉，换成图片里的: the new element after a comma
          rule(
              "^(?:把|将)?(.+?)给?(?:替换掉|换掉|换一换|替换|换)[，,、\\s]+(?:用|换成|换为|替换成|替换为|改成)(.+?)"
                  + "(?:的?来?(?:替换|代替|替代|换))?$",
              m -> swap(m.group(1), m.group(2))),
          // 这个台灯用图里的代替 / 台灯就用图片里的那个换掉
          rule(
              "^(?:把|将)?(.+?)(?:就|就是|还是)?用(.+?)来?(?:代替|替换掉|替换|替代|取代|换掉|换)(?:掉|了|吧)?"
                  + "(?:它们|他们|她们|它|他|她)?$",
              m -> swap(m.group(1), m.group(2))),
          // 那把椅子太旧了，用我照片里的椅子: the thing, a remark, then what to use
          rule(
              "^(?:把|将)?([^，,。；;]+?)[，,。；;]\\s*(?:那就|那|就|还是|直接)?(?:用|换上|换成)(.+?)(?:吧|好了|就行|就好)?$",
              m -> ChinesePhrases.pointsAtImage(m.group(2)) ? swap(m.group(1), m.group(2)) : null),
          // 把我照片里的台灯放到原来那个台灯的位置: the new one goes where the old one is
          rule(
              "^(?:把|将)(.+?)(?:放到|放在|摆到|摆在|换到|挪到|移到|放进|安到|装到)(?:原来|之前|现在)?(?:的)?"
                  + "(?:那个|这个|那|这)?(.+?)(?:原来|之前|现在)?(?:的|所在的)位置(?:上|里|那儿|那里)?$",
              m -> swap(m.group(2), m.group(1))),
          // 把猫替换掉: the new element is whatever the image shows
          rule("^(?:把|将)(.+?)给?(?:替换掉|换掉|替换)$", m -> swap(m.group(1), null)),
          // 椅子换掉 / 这个花瓶替换一下
          rule("^(.+?)给?(?:替换掉|换掉)$", m -> swap(m.group(1), null)),
          // 替换猫为狗 / 换猫成狗
          rule("^(?:替换|更换)(.+?)(?:为|成)(.+)$", m -> swap(m.group(1), m.group(2))),
          // 替换掉猫
          rule("^(?:替换掉|替换|换掉|更换)(.*)$", m -> swap(m.group(1), null)),
          // 猫换成狗
          rule("^(.+?)" + INTO + "(.+)$", m -> swap(m.group(1), m.group(2))),
          // 猫 → 狗
          rule("^(.+?)\\s*(?:→|⇒|➡|-+>|=+>)\\s*(.+)$", m -> swap(m.group(1), m.group(2))),
          // --- removals ---
          // 把红衣服的男人删除 / 将水印去掉了 / 把logo给我弄走
          removalRule("^(?:把|将)(.+?)给?(?:我)?" + REMOVE + "(?:了|掉)?$"),
          // 把海报撕掉 / 把烟头扫掉: any verb + 掉 after 把 takes the thing away
          removalRule("^(?:把|将)(.+?)给?(?:我)?[^换替改变放加\\s](?:掉|走|开|下来|下去|出去)(?:了)?$"),
          // 让狗消失 / 让路人不见
          removalRule("^(?:让|使|叫)(.+?)(?:消失不见|消失|不见|离开|走开|别出现|不要出现|别入镜|不要入镜)(?:掉|了)?$"),
          // 别让路人出现 / 不要让水印出现在画面里
          removalRule("^(?:我|我们)?(?:真的|实在|并|是)?(?:别|不要|不想|不希望|不愿意)让(.+?)(?:出现|露面|入镜)(?:在.+)?$"),
          // 把这个 logo remove 掉: an English verb in a Chinese sentence
          removalRule(
              "^(?:把|将)(.+?)\\s*给?\\s*(?i:" + EnglishRecogniser.REMOVAL_VERBS + ")\\s*(?:掉|了|走)*$"),
          // 那辆面包车别出现在画面里 / 树上的风筝不要出现
          removalRule(
              "^(.+?)(?:就|可以|最好)?(?:别|不要|不能|不应该|不应|不该|不许|不准|不用)再?(?:出现|露面|入镜|出镜|被看到|被看见)"
                  + "(?:在.+)?(?:了)?$"),
          // 别出现那个三脚架 / 画面里不应该有这个垃圾桶 / 别有那根电线
          removalRule("^(?:别|不要|不能|不应该|不应|不该|不许|不准)再?(?:出现|有|看到|看见)(.+)$"),
          // (我希望)没有那个广告牌 / 没有电线杆会更好
          removalRule("^没有(.+?)(?:的话)?(?:会|就|会不会)?(?:更好看|更好|好看|好了|最好|比较好|更干净|干净)(?:了|一些|一点|很多)?$"),
          removalRule("^没有(?=[这那])(.+)$"),
          // 别要水印 / 不要那个路人 / 我不想要这个logo / 视频里不要有电线
          removalRule(
              "^(?:我)?(?:别要|不要|不想要|不需要|不想看到|不想看见|别给我|不用)(?:有|留)?(?!" + ACTION_START + ")(.+)$"),
          // 没有水印的视频 / 不带路人的版本
          removalRule("^(?:要|给我)?(?:一个)?(?:没有|不带|去掉|不含)(.+?)的(?:视频|版本|画面|片子)$"),
          // 删除红衣服的男人 / 删掉水印
          removalRule("^(?:" + REMOVE + "|删)掉?(.*)$"),
          // 去屏幕上的价格贴纸 / 去水印: 去 alone is "remove" before a thing, not "go to"
          removalRule("^去(?![到往哪过看玩找买])(.+)$"),
          // 红衣服的男人删掉 / 水印不要了
          removalRule(
              "^(.+?)(?:"
                  + REMOVE
                  + "|(?:我|我们)?(?:真的|实在|就|也)?(?:不想要了|不想要|不要了|别要了|不需要了|不要|别要|不需要)"
                  + "|消失|太碍眼了|碍眼|多余)(?:了|吧|掉)?$"),
          // --- additions ---
          // 让图片里的猫躺在沙发上 / 叫风筝飞到山上
          rule(
              "^(?:让|叫|使|要)(.+?)" + SCENE + "着?(?:在|到|于)(.+)$",
              m -> addition(m.group(1), m.group(2))),
          // 图里的气球飘在人群上方
          rule("^(.+?)" + SCENE + "着?(?:在|到)(.+)$", m -> addition(m.group(1), m.group(2))),
          // 让图片里的风筝在天上飞
          rule(
              "^(?:让|叫|使|要)(.+?)在(.+?)" + SCENE + "(?:着|来飞去|来跑去|来去)?$",
              m -> addition(m.group(1), m.group(2))),
          // 图片里的风筝在山上飞
          rule(
              "^(.+?)在(.+?)" + SCENE + "(?:着|来飞去|来跑去|来去)?$", m -> addition(m.group(1), m.group(2))),
          // 在桌子上添加一个花瓶 (the place keeps its 上)
          rule("^在(.+?)" + ADD + "(.+)$", m -> addition(m.group(2), m.group(1))),
          // 给男人戴上帽子
          rule("^给(.+?)" + GIVE + "(.+)$", m -> addition(m.group(2), m.group(1))),
          // 把帽子放到男人头上
          rule("^(?:把|将)(.+?)" + PUT_AT + "(.+)$", m -> addition(m.group(1), m.group(2))),
          // 图里的那盏灯放在桌子旁边
          rule("^(.+?)" + PUT_AT + "(.+)$", m -> addition(m.group(1), m.group(2))),
          // 添加一只狗到草地上
          rule("^" + ADD + "(.+?)(?:到|在|于)(.+)$", m -> addition(m.group(1), m.group(2))),
          // 桌子上放一个花瓶
          rule("^(.+?" + PLACE_WORD + ")" + ADD + "(.+)$", m -> addition(m.group(2), m.group(1))),
          // 添加一只狗
          rule("^" + ADD + "(.*)$", m -> addition(m.group(1), null)));

  private ChineseRecogniser() {}

  /** An English removal verb with a Chinese ending: "把水印delete掉", "把那个sign给delete了". */
  private static final Pattern ENGLISH_REMOVAL_VERB =
      englishVerb(EnglishRecogniser.REMOVAL_VERBS, "(?=[掉了走]|$|[，,。！!])");

  private static final String ENGLISH_SWAP_VERBS =
      "(?:replace|swap|swop|switch|change|exchange|substitute)";

  /** An English swap verb before 成 / 为: "把车replace成图片里的". */
  private static final Pattern ENGLISH_SWAP_INTO = englishVerb(ENGLISH_SWAP_VERBS, "(?=[成为])");

  /** An English swap verb with nothing after it: "把沙发swap掉", "把杯子swap，用图里的". */
  private static final Pattern ENGLISH_SWAP_ALONE =
      englishVerb(ENGLISH_SWAP_VERBS, "(?:掉|了)*(?=$|[，,。！!；;])");

  /** An English "put" verb before a Chinese place-word: "把帽子put到他头上". */
  private static final Pattern ENGLISH_PUT_VERB =
      englishVerb("(?:add|put|place|insert|stick|drop|attach|paste|pop)", "(?=[到在进])");

  /** One of the English {@code verbs}, as a word of its own, then {@code ending} in Chinese. */
  private static Pattern englishVerb(String verbs, String ending) {
    return Pattern.compile("(?i)(?<![A-Za-z])" + verbs + "\\s*" + ending);
  }

  /** An English word in a Chinese sentence: after 把 / 将 / 给, or before a Chinese ending. */
  private static final Pattern ENGLISH_IN_CHINESE =
      Pattern.compile("[把将给].*[A-Za-z]|[A-Za-z]\\s*[掉了走成为到在进]");

  /**
   * {@code text} with an English edit verb that sits in a Chinese sentence ("把水印delete掉",
   * "把沙发swap成这个", "把这个帽子put到他头上") written as the Chinese verb, so the Chinese rules read it.
   */
  static String withChineseVerbs(String text) {
    if (!ENGLISH_IN_CHINESE.matcher(text).find()) {
      return text;
    }
    String result = ENGLISH_REMOVAL_VERB.matcher(text).replaceAll("删除");
    result = ENGLISH_SWAP_INTO.matcher(result).replaceAll("换");
    result = ENGLISH_SWAP_ALONE.matcher(result).replaceAll("换掉");
    return ENGLISH_PUT_VERB.matcher(result).replaceAll("放");
  }

  static Optional<Recognition> recognise(String instruction) {
    String joined = withChineseVerbs(SPACE_BETWEEN_HAN.matcher(instruction).replaceAll(""));
    // "P 掉": the Photoshop verb typed apart from its ending
    joined = joined.replaceAll("(?<=\\b[pP][sS]?)\\s+(?=[掉了没走])", "");
    String text = Politeness.trimJunk(LEADING_IN_VIDEO.matcher(joined).replaceFirst(""));
    if (NOT_AN_ADDITION.matcher(text).find()) {
      return Optional.empty();
    }
    Matcher lastClause = CLAUSE_WITH_BA.matcher(text);
    if (lastClause.matches() && !anyClauseIsAnEdit(text.substring(0, lastClause.start(1)))) {
      // "你好，这是我在海边拍的视频，能帮我把沙滩上的遮阳伞删掉吗": the clauses before are context
      Optional<Recognition> edit = byRules(Politeness.strip(lastClause.group(1)));
      if (edit.isPresent()) {
        return edit;
      }
    }
    return byRules(text);
  }

  /** Whether one of the clauses is an edit of its own: "把猫删掉，再把狗换成…" asks for two. */
  private static boolean anyClauseIsAnEdit(String text) {
    for (String clause : text.split("[，,。；;！!？?]")) {
      String stripped = Politeness.strip(clause);
      if (!stripped.isEmpty() && byRules(stripped).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** The last clause, when it names its thing with 把 / 将 (not 把它 or 把她删掉, which point back). */
  private static final Pattern CLAUSE_WITH_BA =
      Pattern.compile(
          "^.*[，,。；;！!？?]\\s*((?:请|麻烦|帮我|帮忙|能|能不能|可以|可不可以|想|想请您|想请你|您|你|就|直接)*"
              + "[把将](?!它|他们|她们|它们|[他她](?:给我?)?(?:删|去|弄|拿|干|抹|擦|清|移|P|p)|这个$|那个$).+)$");

  private static Optional<Recognition> byRules(String text) {
    return RecognitionRule.first(RULES, text);
  }

  private static RecognitionRule rule(String regex, Function<Matcher, Recognition> read) {
    return new RecognitionRule(Pattern.compile(regex), read);
  }

  /** A rule for a removal of the thing in group 1. */
  private static RecognitionRule removalRule(String regex) {
    return rule(regex, m -> removal(m.group(1)));
  }

  /** Words between the thing and the verb: 水印得去掉, 路人必须删掉, 车给我弄走. */
  private static final Pattern TRAILING_MODAL =
      Pattern.compile(
          "(?:必须得|必须|一定要|得|要|需要|应该|应当|最好|能不能|可不可以|能否|能|可以|帮我|帮忙|麻烦你|麻烦|给我|给"
              + "|都|也|全部|统统|通通|全都|就|赶紧|快|请|请你|请您)$");

  /** "猫和狗都": "all" after the things to add. */
  private static final Pattern TRAILING_ALL = Pattern.compile("(?:都|全都|全部|一起|统统|分别|各自)$");

  /** A remark after the thing: 广告牌好碍眼, 水印太丑了. */
  private static final Pattern TRAILING_REMARK =
      Pattern.compile(
          "(?:看着|看起来|看上去|感觉|显得)?(?:好|太|很|真|特别|有点|有些|非常|超|实在)?(?:碍眼|丑|挡画面|挡镜头|挡视线|抢镜|扎眼|显眼"
              + "|碍手碍脚|影响构图|破坏画面|煞风景|杀风景|不协调|难看|不好看|不太好看|多余|烦人|烦|讨厌|碍事|影响画面|影响观感|挡路|挡着|挡住"
              + "|挡到|遮住|遮挡|凶|旧|破|脏|土|不合适|不搭|难受|别扭|突兀|刺眼|奇怪|怪|乱|不舒服|出戏|吵闹|吵|闹|刺耳|难听|嘈杂|大声)"
              + "(?:了|啊|呀|的)?$");

  /** What the thing keeps doing: 一直盯着镜头看, 老是晃来晃去 (not 一直在飘的塑料袋, which names it). */
  private static final Pattern TRAILING_ACTION =
      Pattern.compile("(?:一直|总是|总在|老是|老在|不停地?|始终|一个劲儿?地?|又在|还在)[^的]*$");

  /** Any short remark with 太 … 了 after the thing: 太抢眼了, 好扎眼了. */
  private static final Pattern TRAILING_TOO =
      Pattern.compile("(?:看着|看起来|感觉)?(?:太|好|真|特别|非常|实在|有点|有些)[^的，,。]{1,5}了$");

  /** A clause about the video itself: 我拍了一段视频, 这是昨天录的片子. */
  private static final Pattern ABOUT_THE_VIDEO =
      Pattern.compile(
          "^(?:我|我们|你)(?:刚刚?|今天|昨天|之前|上周)?(?:拍|录|做|剪|发|上传|传)|(?:一段|这段|那段)(?:视频|片子|录像)$");

  /** "草地上有个塑料袋": the place, then the thing that is there. */
  private static final Pattern THERE_IS =
      Pattern.compile(
          "^(.+?)有(?:很多|好多|许多|不少|一堆|一些|几个|几只|几根|一大堆|(?:一)?(?:个|只|张|件|条|辆|位|块|根|把|堆|些|台|棵|盏|座|面))"
              + "(.+)$");

  private static Recognition removal(String element) {
    String phrase = Phrases.tidy(element);
    Matcher comma = Pattern.compile("[，,]").matcher(phrase);
    if (comma.find()
        && comma.start() > 0
        && ABOUT_THE_VIDEO.matcher(phrase.substring(0, comma.start())).find()) {
      // 我拍了一段海边的视频，结果有个塑料袋一直在飘: the thing is after the clause about the video
      phrase =
          Phrases.tidy(phrase.substring(comma.end()).replaceFirst("^(?:结果|然后|但是|可是|不过|就是|只是)", ""));
    }
    if (phrase.startsWith("有")) {
      phrase = "画面里" + phrase;
    }
    phrase = THERE_IS.matcher(phrase).replaceFirst("$1的$2");
    phrase = Phrases.stripRepeatedly(phrase, TRAILING_MODAL);
    phrase = Phrases.stripRepeatedly(phrase, TRAILING_ACTION);
    phrase = Phrases.stripRepeatedly(phrase, TRAILING_REMARK);
    phrase = Phrases.stripRepeatedly(phrase, TRAILING_TOO);
    phrase = Phrases.stripRepeatedly(phrase, TRAILING_MODAL);
    if (ABOUT_THE_VIDEO.matcher(phrase).find()
        || (!phrase.isEmpty()
            && TRAILING_MODAL.matcher(phrase).replaceAll("").isEmpty()
            && phrase.length() <= 4)) {
      return null; // 我拍了一段视频，能不能去掉: the first clause is about the video, not a thing in it
    }
    return new Recognition(
        EditMode.REMOVAL, Language.CHINESE, EditElements.removal(ChinesePhrases.videoSide(phrase)));
  }

  /** 把瓶子换掉，换成…: the verb after the original is not part of it. */
  private static final Pattern ORIGINAL_VERB =
      Pattern.compile("^(?:把|将)|给?(?:换掉|替换掉|拿掉|去掉|换一下|换一换|换)[，,、。\\s]*$");

  /** The thing named before "把它删了", with where it is ("画面右边" + "垃圾桶"). */
  private static Recognition backReference(String where, String thing) {
    String place =
        Politeness.trimJunk(
            where.replaceFirst("^(?:我看到|我发现|你看|注意|这里|那里|这个|这段)?(?:视频|画面|镜头)?(?:里面|里|中|上)?", ""));
    return removal(place.isEmpty() ? thing : place + "的" + thing);
  }

  private static Recognition swap(String original, String replacement) {
    original = ORIGINAL_VERB.matcher(Phrases.tidy(original)).replaceAll("");
    // "这只猫太凶了，换成…": a remark about the original is not part of it
    original = Phrases.stripRepeatedly(Politeness.trimJunk(original), TRAILING_REMARK).strip();
    original = Phrases.stripRepeatedly(original, TRAILING_TOO).strip();
    return new Recognition(
        EditMode.SWAP,
        Language.CHINESE,
        EditElements.swap(
            ChinesePhrases.videoSide(original),
            replacement == null ? null : ChinesePhrases.imageSide(replacement)));
  }

  private static Recognition addition(String subject, String location) {
    String what = Phrases.stripRepeatedly(Phrases.tidy(subject), TRAILING_ALL);
    return new Recognition(
        EditMode.ADDITION,
        Language.CHINESE,
        EditElements.addition(
            what.isEmpty() ? "" : ChinesePhrases.imageSide(what),
            location == null ? null : ChinesePhrases.location(location)));
  }
}
