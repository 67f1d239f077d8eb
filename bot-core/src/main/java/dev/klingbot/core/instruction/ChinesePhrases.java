package dev.klingbot.core.instruction;

import java.util.regex.Pattern;

/**
 * Chinese element phrases: removing the words that only point at the video (视频里的) or at the
 * reference image (图片中的, 这张图里的), which Kling gets as placeholders.
 */
final class ChinesePhrases {
  /** 里面的 / 里的 / 中的 / 上的 / 里 / 中 …: "in" after a noun; longest first. */
  private static final String IN = "(?:里面的|里的|中的|上的|内的|里面|里|中|上|内)";

  /** 中间, 上方, 左边 …: "画面中间的人" keeps 中间, only 画面 is the pointer. */
  private static final String NOT_A_PLACE_WORD = "(?![间央心方部边面头侧半层])";

  /** At the start: 视频里的, 从视频中, 原视频中的, 画面上的. */
  private static final Pattern LEADING_VIDEO =
      Pattern.compile(
          "^(?:从|在)?(?:这个|这段|这条|该|原)?\\s*(?:视频|视屏|画面|影片|片子|镜头|录像|影像|(?i:video|clip|footage)\\s*)"
              + IN
              + NOT_A_PLACE_WORD
              + "的?\\s*");

  /** "第一张图的狗": which image, said before the thing. */
  private static final Pattern ORDINAL_IMAGE =
      Pattern.compile("^第[一二两12](?:张|个|幅)?(?:图片|照片|图像|图)(?:里面的|里的|中的|上的|的|里|中)");

  /** A number and measure word before an image pointer: 一只图片里的老鹰 → 一只老鹰. */
  private static final Pattern COUNTED_IMAGE_POINTER =
      Pattern.compile(
          // 张 and 幅 count pictures: 两张图里的灯笼 is the lanterns in the two images
          "^([一两二三四五六七八九十几]+(?:个|只|件|条|辆|位|朵|把|双|副|块|台|本|盆|棵|头|匹|架|艘|根|枝|支|面|颗|瓶|杯|盏|顶"
              + "|座|套|束|串|片|份|粒))"
              + "(?:这张|那张)?(?:图片|照片|图像|参考图|附图|图)(?:里面的|里的|中的|上的|里|中)");

  /**
   * At the start: 图片中的, 这张图里的, 我发的照片里的, 附件中的. An image noun needs an "in" after it, so 图书馆
   * (library) stays whole.
   */
  private static final Pattern LEADING_IMAGE =
      Pattern.compile(
          "^(?:我(?:发|上传|附上|提供|给你|给|传)的|我的|我)?(?:这两张|那两张|两张|一张|这张|那张|这|那|参考|第[一二两12](?:张|个|幅)?)?"
              + "\\s*(?:图片|照片|图像|参考图|附图|附件|图|(?i:image|photo|picture|pic|img)\\s*)"
              + IN
              + NOT_A_PLACE_WORD
              + "的?\\s*");

  private static final String MEASURE =
      "个|顶|只|张|件|条|辆|位|朵|把|双|副|块|台|本|盆|棵|头|匹|架|艘|根|枝|支|些|面|幅|颗|粒|瓶|杯|盏|座|栋|扇|片|份|套|束|串|条";

  /** "帽子和这面旗子": a demonstrative after 和 / 与 / 跟 / 、 goes too. */
  private static final Pattern INNER_DEMONSTRATIVE =
      Pattern.compile("(?<=[和与跟、])[这那](?:" + MEASURE + ")(?=.)");

  /** "这顶帽子" from the image is "帽子" in the prompt: 这/那 + a measure word. */
  private static final Pattern DEMONSTRATIVE =
      Pattern.compile(
          "^[这那](?:"
              + MEASURE
              + ")(?=.)"
              // 这两个杯子 → 两个杯子: keep the number
              + "|^[这那](?=[一两二三四五六七八九十几])");

  /** A new-element phrase that only says "what's in the image". */
  private static final Pattern ONLY_POINTS_AT_IMAGE =
      Pattern.compile(
          "^(?:这个|那个|这些|那些|它|它们|这|那|这张图|这张图片|这张照片|这张|那张|这幅|这一个|这款|图片|照片|图|附件|东西|物体"
              + "|主体|图片里的东西|图里的东西|图上那个|图片上那个|图里那个|图片里那个|[这那](?:"
              + MEASURE
              + ")"
              // 图片里的 / 图里这顶 / 照片中的那个: only where it is
              + "|(?:这张|那张|参考)?(?:图片|照片|图像|参考图|附图|图)(?:里面|里|中|上)?的?(?:[这那](?:"
              + MEASURE
              + ")?)?"
              + ")?$");

  /** "这样的蛋糕": "like this" says the thing is the one in the image. */
  private static final Pattern LIKE_THIS = Pattern.compile("(?:这样的|那样的|这种|那种|一样的|同样的|同款的?)");

  /** A location that only says "in the video". */
  private static final Pattern ONLY_POINTS_AT_VIDEO =
      Pattern.compile("^(?:视频|视屏|画面|影片|片子|镜头|录像|影像)?" + IN + "?$");

  private ChinesePhrases() {}

  /** Whether the phrase starts by saying its thing is in the reference image: 图片里的椅子. */
  static boolean pointsAtImage(String raw) {
    return LEADING_IMAGE.matcher(Phrases.tidy(raw)).find();
  }

  /** The removal target or swap original. */
  static String videoSide(String raw) {
    return stripPointers(Phrases.tidy(raw));
  }

  /** The swap replacement or addition subject; null when it only points at the image. */
  static String imageSide(String raw) {
    String phrase =
        stripPointers(COUNTED_IMAGE_POINTER.matcher(Phrases.tidy(raw)).replaceFirst("$1"));
    // "我发的 poster": what I sent is the image
    phrase = Phrases.stripRepeatedly(phrase, SENT_BY_ME);
    if (ONLY_POINTS_AT_IMAGE.matcher(phrase).matches()) {
      return null;
    }
    phrase = Phrases.stripRepeatedly(phrase, LIKE_THIS);
    phrase = DEMONSTRATIVE.matcher(phrase).replaceFirst("");
    phrase = INNER_DEMONSTRATIVE.matcher(phrase).replaceAll("");
    // 加个帽子: the measure word without its number
    return phrase.startsWith("个") && phrase.length() > 1 ? "一" + phrase : phrase;
  }

  /** Where an addition goes; null when it only points at the video. */
  static String location(String raw) {
    // "往墙上挂一幅画": 往 / 向 / 朝 only says "towards"
    String phrase = stripPointers(Phrases.tidy(raw).replaceFirst("^(?:往|向|朝)(?=\\S)", ""));
    return ONLY_POINTS_AT_VIDEO.matcher(phrase).matches() ? null : phrase;
  }

  /** "我发的", "我上传的" before the thing: it is in the image. */
  private static final Pattern SENT_BY_ME = Pattern.compile("^我(?:发|上传|附上|提供|给你|给|传)的\\s*");

  private static String stripPointers(String phrase) {
    String previous;
    // "the cat in the photo" inside a Chinese sentence: the English pointer goes too
    String current =
        phrase.matches("(?s).*[A-Za-z].*") ? EnglishPhrases.stripPointers(phrase) : phrase;
    do {
      previous = current;
      current = Phrases.stripRepeatedly(current, LEADING_IMAGE);
      current = Phrases.stripRepeatedly(current, ORDINAL_IMAGE);
      current = Phrases.stripRepeatedly(current, LEADING_VIDEO);
    } while (!current.equals(previous));
    return current;
  }
}
