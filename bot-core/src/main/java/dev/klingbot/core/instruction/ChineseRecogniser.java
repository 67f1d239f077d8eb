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
  private static final String REMOVE =
      "(?:删除掉|删除|删掉|去掉|去除|移除|抹掉|抹去|擦掉|擦除|除掉|拿掉|清除|消除|剪掉|[pP]掉|删了|去了)";

  /** "Turn into" verbs between the old and the new element: 换成, 替换为, 变成 … */
  private static final String INTO = "(?:替换成为|替换成|替换为|换成|换为|改成|改为|变成|变为)";

  /** "Add" verbs: 添加, 加上, 放上 …; the one-character ones last. */
  private static final String ADD = "(?:添加|加上|加入|放上|放置|增加|插入|摆上|摆放|画上|放|加|摆)";

  /** "Put it at" verbs after 把X: 放到, 放在, 加到, 戴到 … */
  private static final String PUT_AT =
      "(?:放到|放在|放进|放入|加到|加在|添加到|添加在|加入到|贴到|贴在|戴到|戴在|安到|安在|插到|插在|摆到|摆在|移到)";

  /** "Put on" verbs after 给Y: 加上, 戴上, 穿上 … */
  private static final String GIVE = "(?:加上|添加|戴上|穿上|配上|装上|加|戴|穿)";

  /** Words after 在X that say "on / in / beside X". */
  private static final String PLACE_WORD = "(?:上面|下面|前面|后面|旁边|左边|右边|附近|里面|上|里|中|下|前|后|边)";

  /** Starts that look like "add" or "put" but mean speed, size or trimming: 加速, 放大, 放慢. */
  private static final Pattern NOT_AN_ADDITION = Pattern.compile("^(?:加速|加快|加长|加强|加亮|加深|放大|放慢|放缩)");

  /** A leading "in the video" before the verb: 在视频里删除猫 reads as 删除猫. */
  private static final Pattern LEADING_IN_VIDEO =
      Pattern.compile("^(?:在|从)(?:视频|画面|影片|片子|镜头)(?:里面|里|中|上)");

  /** Spaces between two Chinese characters are typing slips: 删除 视频中 的猫. */
  private static final Pattern SPACE_BETWEEN_HAN =
      Pattern.compile("(?<=\\p{IsHan})\\s+(?=\\p{IsHan})");

  private record Rule(Pattern pattern, Function<Matcher, Recognition> read) {}

  private static final List<Rule> RULES =
      List.of(
          // --- swaps ---
          // 把猫换成狗 / 将猫替换为狗
          rule("^(?:把|将)(.+?)给?" + INTO + "(.+)$", m -> swap(m.group(1), m.group(2))),
          // 用图片中的狗替换视频里的猫: the first phrase is the new element
          rule("^用(.+?)来?(?:替换掉|替换|代替|取代|替代|换掉|换)(.+)$", m -> swap(m.group(2), m.group(1))),
          // 把猫替换掉: the new element is whatever the image shows
          rule("^(?:把|将)(.+?)给?(?:替换掉|换掉|替换)$", m -> swap(m.group(1), null)),
          // 替换猫为狗 / 换猫成狗
          rule("^(?:替换|更换)(.+?)(?:为|成)(.+)$", m -> swap(m.group(1), m.group(2))),
          // 替换掉猫
          rule("^(?:替换掉|替换|换掉|更换)(.*)$", m -> swap(m.group(1), null)),
          // 猫换成狗
          rule("^(.+?)" + INTO + "(.+)$", m -> swap(m.group(1), m.group(2))),
          // 猫 → 狗
          rule("^(.+?)\\s*(?:→|⇒|➡|-+>|=+>)\\s*(.+)$", m -> swap(m.group(1), m.group(2))),
          // --- removals ---
          // 把红衣服的男人删除 / 将水印去掉了
          rule("^(?:把|将)(.+?)给?" + REMOVE + "了?$", m -> removal(m.group(1))),
          // 让狗消失
          rule("^(?:让|使|叫)(.+?)(?:消失不见|消失)(?:掉|了)?$", m -> removal(m.group(1))),
          // 删除红衣服的男人 / 删掉水印
          rule("^(?:" + REMOVE + "|删)掉?(.*)$", m -> removal(m.group(1))),
          // 红衣服的男人删掉 / 水印不要了
          rule("^(.+?)(?:" + REMOVE + "|不要了|消失)(?:了|吧)?$", m -> removal(m.group(1))),
          // --- additions ---
          // 在桌子上添加一个花瓶 (the place keeps its 上)
          rule("^在(.+?)" + ADD + "(.+)$", m -> addition(m.group(2), m.group(1))),
          // 给男人戴上帽子
          rule("^给(.+?)" + GIVE + "(.+)$", m -> addition(m.group(2), m.group(1))),
          // 把帽子放到男人头上
          rule("^(?:把|将)(.+?)" + PUT_AT + "(.+)$", m -> addition(m.group(1), m.group(2))),
          // 添加一只狗到草地上
          rule("^" + ADD + "(.+?)(?:到|在|于)(.+)$", m -> addition(m.group(1), m.group(2))),
          // 桌子上放一个花瓶
          rule("^(.+?" + PLACE_WORD + ")" + ADD + "(.+)$", m -> addition(m.group(2), m.group(1))),
          // 添加一只狗
          rule("^" + ADD + "(.*)$", m -> addition(m.group(1), null)));

  private ChineseRecogniser() {}

  static Optional<Recognition> recognise(String instruction) {
    String joined = SPACE_BETWEEN_HAN.matcher(instruction).replaceAll("");
    String text = Politeness.trimJunk(LEADING_IN_VIDEO.matcher(joined).replaceFirst(""));
    if (NOT_AN_ADDITION.matcher(text).find()) {
      return Optional.empty();
    }
    for (Rule rule : RULES) {
      Matcher matcher = rule.pattern().matcher(text);
      if (matcher.matches()) {
        return Optional.of(rule.read().apply(matcher));
      }
    }
    return Optional.empty();
  }

  private static Rule rule(String regex, Function<Matcher, Recognition> read) {
    return new Rule(Pattern.compile(regex), read);
  }

  private static Recognition removal(String element) {
    return new Recognition(
        EditMode.REMOVAL,
        Language.CHINESE,
        EditElements.removal(ChinesePhrases.videoSide(element)));
  }

  private static Recognition swap(String original, String replacement) {
    return new Recognition(
        EditMode.SWAP,
        Language.CHINESE,
        EditElements.swap(
            ChinesePhrases.videoSide(original),
            replacement == null ? null : ChinesePhrases.imageSide(replacement)));
  }

  private static Recognition addition(String subject, String location) {
    String what = Phrases.tidy(subject);
    return new Recognition(
        EditMode.ADDITION,
        Language.CHINESE,
        EditElements.addition(
            what.isEmpty() ? "" : ChinesePhrases.imageSide(what),
            location == null ? null : ChinesePhrases.location(location)));
  }
}
