package dev.klingbot.core.instruction;

import java.util.Locale;
import java.util.Set;
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
          "intro",
          "outro",
          "ending",
          "beginning");

  /** Endings of Chinese phrases about sound, look, speed or time. */
  private static final Pattern NOT_VISUAL_CHINESE =
      Pattern.compile(
          "(?:音乐|配乐|声音|音效|音频|字幕|滤镜|特效|颜色|色彩|色调|亮度|对比度|饱和度|转场|慢动作|速度|噪音|杂音|秒|秒钟"
              + "|分钟|片头|片尾|画质|分辨率)$");

  private ElementChecks() {}

  /** Empty, a pronoun, or the whole video: nothing Kling could find. */
  static boolean isVague(String phrase) {
    String text = phrase.strip();
    return VAGUE_ENGLISH.matcher(text).matches() || VAGUE_CHINESE.matcher(text).matches();
  }

  /** About sound, colour, speed or time rather than a thing in the picture. */
  static boolean isNotVisual(String phrase) {
    String text = phrase.strip();
    if (NOT_VISUAL_CHINESE.matcher(text).find()) {
      return true;
    }
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}-]+");
    return words.length > 0 && NOT_VISUAL_ENGLISH.contains(words[words.length - 1]);
  }
}
