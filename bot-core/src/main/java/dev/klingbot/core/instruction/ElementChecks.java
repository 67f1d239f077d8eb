package dev.klingbot.core.instruction;

import dev.klingbot.kling.EditMode;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an element phrase names something Kling can point at in the picture: not a pronoun or the
 * whole video ("remove it"), not sound, colour, speed or time ("add more colour", "remove the
 * music", "删除前三秒").
 */
final class ElementChecks {
  private static final Pattern VAGUE_ENGLISH =
      Pattern.compile(
          "^(?:(?:the|this|that)\\s+)?(?:(?:whole|entire)\\s+)?(?:it|this|that|them|these|those"
              + "|everything|all|something|anything|stuff|things?|video|clip|footage|scene|film"
              + "|movie|one|ones|the|a|an|some)?$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern VAGUE_CHINESE =
      Pattern.compile("^(?:它|它们|这个|那个|这些|那些|这|那|所有|全部|所有东西|所有的东西|东西|一切|视频|画面)?$");

  /** Last words of phrases about sound, look, speed or time rather than a thing in the picture. */
  private static final Set<String> NOT_VISUAL_ENGLISH =
      Set.of(
          "music",
          "song",
          "songs",
          "soundtrack",
          "sound",
          "sounds",
          "audio",
          "voice",
          "voiceover",
          "narration",
          "noise",
          "volume",
          "echo",
          "subtitles",
          "subtitle",
          "captions",
          "filter",
          "filters",
          "effect",
          "effects",
          "transition",
          "transitions",
          "colour",
          "color",
          "colours",
          "colors",
          "saturation",
          "brightness",
          "contrast",
          "exposure",
          "lighting",
          "speed",
          "motion",
          "slow-mo",
          "slowmo",
          "blur",
          "grain",
          "vibe",
          "vibes",
          "quality",
          "resolution",
          "fps",
          "framerate",
          "stabilization",
          "zoom",
          "seconds",
          "second",
          "secs",
          "minutes",
          "minute",
          "mins",
          "end",
          "start",
          "tempo",
          "pace",
          "length",
          "duration",
          "timing",
          "framing",
          "aspect",
          "tint",
          "hue",
          "tone",
          "tones",
          "style",
          "look",
          "mood",
          "caption",
          "intro",
          "outro",
          "ending",
          "beginning",
          "half",
          "halves",
          "segment",
          "shakiness",
          "shaking",
          "shake",
          "jitter",
          "jitters",
          "flicker",
          "flickering",
          "wobble",
          "judder",
          "stutter",
          "pixelation",
          "artifacts",
          "artefacts",
          "compression",
          "banding",
          "part",
          "parts",
          "bgm",
          "sfx");

  /**
   * How the video was filmed rather than a thing in it: camera shake, flicker, blur, grain, noise
   * ("the shaky camera", "the camera wobble", "the graininess", 画面抖动, 噪点). Kling's edits can't
   * stabilise or denoise a video; "the camera on the tripod" and "the flickering neon sign" are
   * things.
   */
  private static final Pattern CAMERA_QUALITY =
      Pattern.compile(
          "^(?:(?:the|this|that|all|any|some|those|these|my|its|a|an)\\s+)*(?:(?:whole|entire|constant|annoying|awful"
              + "|terrible|bad|horrible|slight|heavy|little|weird|strange|obvious|visible|massive|small|bit of|handheld|light"
              + "|screen|strobe|led"
              + "|hand-held)\\s+)*"
              + "(?:(?:(?:shaky|shaking|jittery|jerky|wobbly|wobbling|unsteady|trembling|juddery|bouncy|bumpy"
              + "|handheld|hand-held|flickery|flickering|blurry|blurred|fuzzy|grainy|noisy|out-of-focus|unfocused)"
              + "\\s+(?:camera\\s+(?:work|movement|motion)|camerawork|camera|cam|footage|shots?|video|clip|filming"
              + "|recording|picture|image|frames?|movement|motion|look|lens|focus))"
              + "|(?:camera|cam|lens|hand|image|picture|video|footage|frame)\\s+(?:shake|shakes|shaking|shakiness|movement"
              + "|movements|motion|wobble|wobbling|jitter|jitters|judder|bounce|bouncing|sway|swaying|vibration"
              + "|vibrations|tremble|trembling|flicker|flickering|noise|grain|blur|blurriness)"
              + "|(?:shake|shakes|shaking|shakiness|jitter|jitters|jitteriness|wobble|wobbliness|judder|flicker"
              + "|flickering|flickers|blur|blurriness|blurring|motion blur|grain|graininess|noise|noisiness"
              + "|digital noise|video noise|image noise|fuzziness|haziness|strobing|vibration|vibrations"
              + "|rolling shutter|stutter|stuttering))"
              + "(?=$|\\s+(?:in|on|at|of|from|during|throughout|everywhere|all over|when|where|while)\\b|\\s*[,;])",
          Pattern.CASE_INSENSITIVE);

  /** 画面抖动, 镜头的晃动, 噪点, 闪烁, 颗粒感, 模糊: the same in Chinese. */
  private static final Pattern CAMERA_QUALITY_CHINESE =
      Pattern.compile(
          "(?:抖动|晃动|抖|手抖|防抖|噪点|噪声|闪烁|频闪|模糊|虚焦|失焦|颗粒感|颗粒|雪花点|(?i:shake|shaking|jitter|flicker|noise|grain|blur))"
              + "(?:的问题|问题|的感觉|感)?$");

  /** Asking to steady or clean up the footage in Chinese: 稳定一下画面, 防抖, 降噪. */
  private static final Pattern CAMERA_FIX_CHINESE =
      Pattern.compile(
          "^(?:(?:再|帮我|给我)?(?:稳定|稳住|稳)(?:一下|下)?(?:画面|视频|镜头)?|防抖|去抖|降噪|去噪|去除噪点|去闪烁)$"
              + "|(?:画面|视频|镜头)(?:太|有点|一直|老是)?(?:抖|晃)(?:得|的)?(?:厉害|很厉害)?$");

  /** Endings of Chinese phrases about sound, look, speed or time. */
  private static final Pattern NOT_VISUAL_CHINESE =
      Pattern.compile(
          "(?:音乐|配乐|声音|音效|音频|字幕|滤镜|特效|颜色|色彩|色调|亮度|对比度|饱和度|转场|慢动作|速度|噪音|杂音|秒|秒钟"
              + "|分钟|片头|片尾|画质|分辨率|半段|半部分|开头|结尾|片段|前面几秒|最后几秒)$");

  /** "BGM" in a Chinese sentence: 把 BGM 去掉. */
  private static final Pattern SOUND_IN_CHINESE = Pattern.compile("(?i)\\b(?:bgm|sfx)$");

  /** "the laugh track", "the backing track": sound, though "track" alone may be a race track. */
  private static final Pattern SOUND_TRACK =
      Pattern.compile(
          "\\b(?:laugh|audio|sound|music|backing|voice|vocal|drum|bass)\\s+tracks?$|\\blaughter$"
              + "|\\bapplause$|\\bcheering$",
          Pattern.CASE_INSENSITIVE);

  /** Head nouns that mean the whole video, not a thing in it. */
  private static final Set<String> WHOLE_VIDEO =
      Set.of("video", "clip", "footage", "film", "movie", "recording", "vid", "everything");

  /** Text shown in the picture: removable like any object, but not something to add or swap. */
  private static final Set<String> ON_SCREEN_TEXT =
      Set.of("subtitles", "subtitle", "captions", "caption");

  private static final Pattern ON_SCREEN_TEXT_CHINESE = Pattern.compile("(?:字幕|文字|字)$");

  /** Words that end the head of a noun phrase: "the sound | of the rain", "the man | playing …". */
  private static final Pattern AFTER_HEAD =
      Pattern.compile(
          "\\s(?:of|in|on|at|with|from|playing|wearing|holding|singing|that|who|which|behind|near"
              + "|next|under|over|by|during|while|where|when|across|along|beside|between|inside"
              + "|around|carrying|making|using|riding|reading|into|onto|throughout|burned|burnt|baked|printed"
              + "|stamped|overlaid|displayed|shown|showing|appearing|embedded|hardcoded|hard-coded|written)\\s",
          Pattern.CASE_INSENSITIVE);

  /** Phrases that are only a colour or a look: "red", "a darker blue", "black and white". */
  private static final Pattern ONLY_A_COLOUR =
      Pattern.compile(
          "^(?:(?:a|an|the|some|more|much|bit|little|darker|lighter|brighter|deeper|paler|warmer"
              + "|cooler|bright|dark|light|pale|deep|vivid|neon|pastel|shade|of|and|or|,)\\s*)*"
              + "(?:(?:red|blue|green|yellow|black|white|gr[ae]y|pink|purple|violet|orange|brown|gold"
              + "|golden|silver|beige|teal|cyan|magenta|turquoise|navy|maroon|sepia|monochrome"
              + "|colou?rful|colou?rless|darker|brighter|lighter|warmer|cooler|vintage|retro"
              + "|cinematic|faster|slower|bigger|smaller|louder|quieter)(?:\\s*(?:and|or|,|-)\\s*)?)+$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ONLY_A_COLOUR_CHINESE =
      Pattern.compile("^(?:更|浅|深|亮|暗)?(?:[红橙黄绿青蓝紫黑白灰粉金银棕褐彩]色|黑白|彩色|复古|暖色调|冷色调)(?:的)?$");

  /** An ordinal or a place in time: "the first …", "the last …", "the opening …". */
  private static final String WHEN =
      "(?:first|last|final|opening|closing|initial|ending|starting|beginning|middle|next|remaining"
          + "|early|earlier|later|very first|very last)";

  /** A count before a unit of time: "two", "10", "few", "couple of", "half a". */
  private static final String COUNT =
      "(?:few|couple(?:\\s+of)?|several|\\d+(?:[.,]\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten"
          + "|eleven|twelve|fifteen|twenty|thirty|half(?:\\s+a)?|a|an|other)";

  /** What may follow a span of time: nothing, a clause mark, "of the clip", "where …". */
  private static final String AFTER_SPAN =
      "(?=\\s*(?:$|[,;:]|\\b(?:of|where|when|while|before|after|at|in|from|or so|that|which|during|until"
          + "|till|so|since|because|as|it|they)\\b))";

  /**
   * A span of the video's time, which is trimming, not a thing: "the last two seconds", "the first
   * 10 frames", "the opening few seconds", "the first part where …", "the bit at the end",
   * "everything after 0:12". "The second car" and "the last person in the line" are things.
   */
  private static final Pattern TIME_SPAN =
      Pattern.compile(
          "^(?:(?:the|those|these|that|this|a|an|all|any)\\s+)?(?:(?:very|whole|entire)\\s+)?(?:"
              + WHEN
              + "\\s+)?(?:"
              + COUNT
              + "\\s+)*(?:seconds?|secs?|sec|minutes?|mins?|min|hours?|hrs?|ms|milliseconds?)"
              + AFTER_SPAN
              + "|^(?:(?:the|those|these|that|this|a|an|all|any)\\s+)?(?:very\\s+)?"
              + WHEN
              + "\\s+(?:"
              + COUNT
              + "\\s+)*(?:frames?|parts?|bits?|sections?|portions?|segments?|halves|half|moments?|shots?"
              + "|scenes?|takes?|chunks?|stretch|piece)"
              + AFTER_SPAN
              + "|\\b(?:bit|bits|part|parts|section|portion|segment|piece|stretch|chunk)\\s+(?:right\\s+)?(?:at|in|near|towards?|from)"
              + "\\s+the\\s+(?:very\\s+)?(?:end|start|beginning|middle)\\b"
              + "|^(?:the\\s+)?(?:end|ending|start|opening|closing)\\s+(?:bit|part|section|portion|segment|chunk)s?\\b"
              // "0:03-0:05", "the part at 0:12", "from 1:10 on"; not "the waiter walking by at
              // 0:12"
              + "|^(?:(?:the|that|this)\\s+)?(?:(?:bit|part|section|segment|portion|stretch|chunk|clip|moment)s?\\s+)?"
              + "(?:(?:from|between|after|before|past|at|around|starting at|up to|until)\\s+)?\\d{1,2}:\\d{2}\\b"
              + "|^(?:everything|anything|all|whatever(?:'s| is)?)\\s+(?:that\\s+(?:comes|happens)\\s+)?(?:after|before|past"
              + "|until|till|up to|from)\\b",
          Pattern.CASE_INSENSITIVE);

  /** The same in Chinese: 开头那段, 最后几帧, 结尾的部分. */
  private static final Pattern TIME_SPAN_CHINESE =
      Pattern.compile(
          "(?:开头|结尾|最后|最前|前面|后面|中间|末尾|片头|片尾|前|后)(?:的)?(?:那|这)?(?:一)?(?:小)?(?:段|部分|截|几帧|帧)"
              + "(?:画面|视频|内容)?$|\\d+\\s*帧$");

  /**
   * Text to write into the picture ("the caption 'Happy Birthday'", "the words SALE"): an addition
   * or a swap takes a thing from the image, not words.
   */
  private static final Pattern TEXT_TO_WRITE =
      Pattern.compile(
          "^(?:(?:the|a|an|some|this|that|my|these|those)\\s+)?(?:(?:big|small|little|short|bold|white|black"
              + "|red|yellow|new)\\s+)*(?:captions?|subtitles?|text|texts|title|titles|words?|lettering"
              + "|heading|slogan|hashtag|tagline)\\b"
              + "|^(?:字幕|文字|标题|一行字|几个字|一句话)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private ElementChecks() {}

  /**
   * {@link #isNotVisual(String)}, except that in a removal, on-screen text (subtitles, captions,
   * 字幕) is a thing in the picture.
   */
  static boolean isNotVisual(EditMode mode, String phrase) {
    String text = phrase.strip();
    // "lamp和music": two things, one of them sound
    String[] parts = CONJUNCTION.split(text);
    if (parts.length > 1) {
      for (String part : parts) {
        if (!part.isBlank() && partNotVisual(mode, part.strip())) {
          return true;
        }
      }
    }
    if (isCameraQuality(text)) {
      return true;
    }
    if (ONLY_A_COLOUR.matcher(text).matches() || ONLY_A_COLOUR_CHINESE.matcher(text).matches()) {
      return true;
    }
    if (TIME_SPAN.matcher(text).find() || TIME_SPAN_CHINESE.matcher(text).find()) {
      return true;
    }
    if (mode != EditMode.REMOVAL && TEXT_TO_WRITE.matcher(text).find()) {
      return true;
    }
    if (mode == EditMode.REMOVAL) {
      if (ON_SCREEN_TEXT_CHINESE.matcher(text).find()) {
        return false;
      }
      String head = head(text);
      if (ON_SCREEN_TEXT.contains(head)) {
        return false;
      }
    }
    return isNotVisual(text);
  }

  /** Between two things: "the lamp and the music", "lamp和music". */
  private static final Pattern CONJUNCTION =
      Pattern.compile("\\s+(?:and|&|plus)\\s+|\\s*(?:和|与|跟|以及|、)\\s*", Pattern.CASE_INSENSITIVE);

  /**
   * One of two things joined by "and" / 和 is sound or how the video was filmed ("lamp和music"); a
   * colour alone is not checked here ("the black and white cat" is a cat).
   */
  private static boolean partNotVisual(EditMode mode, String part) {
    if (mode == EditMode.REMOVAL
        && (ON_SCREEN_TEXT_CHINESE.matcher(part).find() || ON_SCREEN_TEXT.contains(head(part)))) {
      return false;
    }
    return isCameraQuality(part) || isNotVisual(part);
  }

  /**
   * Camera shake, flicker, blur, grain or noise: how the video was filmed, not a thing in it ("the
   * shaky camera", "the camera wobble", 画面抖动). "The man holding the shaky camera" is a man.
   */
  static boolean isCameraQuality(String phrase) {
    String text = phrase.strip();
    if (text.isEmpty()) {
      return false;
    }
    if (Scripts.hasHan(text)) {
      // 去掉抖动，稳定一下画面: each clause on its own
      for (String part : text.split("[，,；;、]")) {
        String clause = part.replaceAll("[\\s。！？!?.]+$", "").strip();
        if (CAMERA_QUALITY_CHINESE.matcher(clause).find()
            || CAMERA_FIX_CHINESE.matcher(clause).find()) {
          return true;
        }
      }
      return false;
    }
    Matcher modifier = AFTER_HEAD.matcher(text);
    String front = modifier.find() ? text.substring(0, modifier.start()) : text;
    return CAMERA_QUALITY.matcher(front.strip()).find() || CAMERA_QUALITY.matcher(text).matches();
  }

  /** The last word before the first modifier: "sound" in "the sound of the rain". */
  private static String head(String text) {
    Matcher modifier = AFTER_HEAD.matcher(text);
    String front = modifier.find() ? text.substring(0, modifier.start()) : text;
    String[] words = front.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}-]+");
    return words.length == 0 ? "" : words[words.length - 1];
  }

  /** Empty, a pronoun, or the whole video: nothing Kling could find. */
  static boolean isVague(String phrase) {
    String text = phrase.strip();
    return VAGUE_ENGLISH.matcher(text).matches()
        || VAGUE_CHINESE.matcher(text).matches()
        // "cut the video in half": the whole video, described
        || WHOLE_VIDEO.contains(head(text));
  }

  /** About sound, colour, speed or time rather than a thing in the picture. */
  static boolean isNotVisual(String phrase) {
    String text = phrase.strip();
    if (NOT_VISUAL_CHINESE.matcher(text).find() || SOUND_IN_CHINESE.matcher(text).find()) {
      return true;
    }
    return NOT_VISUAL_ENGLISH.contains(head(text)) || SOUND_TRACK.matcher(text).find();
  }
}
