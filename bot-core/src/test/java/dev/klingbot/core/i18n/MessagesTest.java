package dev.klingbot.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every message the bot can say exists in English and in Chinese, and renders in both. */
class MessagesTest {
  /** Latin words allowed in Chinese text: names, units and formats that are not translated. */
  private static final Set<String> KEPT_WORDS =
      Set.of(
          "kling", "discord", "slack", "mp4", "mov", "webm", "png", "jpg", "jpeg", "webp", "gif",
          "mb", "gb", "kb", "id", "url", "urls", "ffmpeg", "fps", "px", "std", "pro", "zh", "en",
          "http", "https", "s3", "api", "emoji", "english", "h264", "utc", "vs", "ok", "gpu", "cpu",
          "hdr", "connect", "vfr", "avc", "hevc", "yuv", "aac", "bot", "ai", "min", "max", "top",
          "x");

  private static final Pattern CODE = Pattern.compile("`[^`]*`|https?://\\S+|<<<[^>]*>>>");
  private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}[A-Za-z0-9.]*");

  @Test
  void everyKeyHasAChineseText() {
    Set<String> english = Messages.ownKeys(Lang.EN);
    Set<String> chinese = Messages.ownKeys(Lang.ZH);
    assertThat(english).isNotEmpty();
    assertThat(new TreeSet<>(english)).as("keys with no Chinese text").isSubsetOf(chinese);
    assertThat(new TreeSet<>(chinese)).as("Chinese keys English does not have").isSubsetOf(english);
  }

  @Test
  void everyKeyRendersInBothLanguagesWithTheSameArguments() {
    List<String> problems = new ArrayList<>();
    for (String key : Messages.keys()) {
      String en = Messages.pattern(Lang.EN, key);
      String zh = Messages.pattern(Lang.ZH, key);
      int enArgs = argumentCount(en);
      int zhArgs = argumentCount(zh);
      if (enArgs != zhArgs) {
        problems.add(key + ": English has " + enArgs + " arguments, Chinese " + zhArgs);
        continue;
      }
      Object[] args = sampleArguments(enArgs);
      try {
        String englishText = Messages.text(Lang.EN, key, args);
        String chineseText = Messages.text(Lang.ZH, key, args);
        if (englishText.isBlank() || chineseText.isBlank()) {
          problems.add(key + ": renders empty");
        }
        if (englishText.contains("{") && !en.contains("'{'")) {
          problems.add(key + ": a brace left in English: " + englishText);
        }
        List<String> leftOver = englishWords(chineseText);
        if (!leftOver.isEmpty()) {
          problems.add(key + ": English in Chinese " + leftOver + ": " + chineseText);
        }
        if (!hasHan(chineseText) && !chineseText.strip().matches("[^A-Za-z]*")) {
          problems.add(key + ": the Chinese text has no Chinese: " + chineseText);
        }
      } catch (RuntimeException e) {
        problems.add(key + ": does not render: " + e.getMessage());
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void pluralsAndNumbersFollowTheLanguage() {
    assertThat(Messages.text(Lang.EN, "common.units", 1)).isEqualTo("1 unit");
    assertThat(Messages.text(Lang.EN, "common.units", 12_000)).isEqualTo("12,000 units");
    assertThat(Messages.text(Lang.ZH, "common.units", 1)).isEqualTo("1 点");
    assertThat(Messages.text(Lang.ZH, "common.units", 12_000)).isEqualTo("12,000 点");
  }

  @Test
  void theLanguageOfAScopeIsSpokenUntilItCloses() {
    assertThat(Messages.current()).isEqualTo(Messages.defaultLang());
    try (Messages.Scope outer = Messages.use(Lang.ZH)) {
      assertThat(Messages.text("common.units", 2)).isEqualTo("2 点");
      try (Messages.Scope inner = Messages.use(Lang.EN)) {
        assertThat(Messages.text("common.units", 2)).isEqualTo("2 units");
      }
      try (Messages.Scope keep = Messages.use(null)) {
        assertThat(Messages.current()).isEqualTo(Lang.ZH);
      }
      assertThat(Messages.current()).isEqualTo(Lang.ZH);
    }
    assertThat(Messages.current()).isEqualTo(Messages.defaultLang());
  }

  @Test
  void aPersonsOwnLanguageComesFirstThenTheServersThenTheDefault() {
    assertThat(Lang.choose("zh-CN", Lang.EN, Lang.EN)).isEqualTo(Lang.ZH);
    assertThat(Lang.choose("zh_TW", null, Lang.EN)).isEqualTo(Lang.ZH);
    assertThat(Lang.choose("en-US", Lang.ZH, Lang.ZH)).isEqualTo(Lang.EN);
    assertThat(Lang.choose("de", Lang.ZH, Lang.EN)).isEqualTo(Lang.ZH);
    assertThat(Lang.choose(null, null, Lang.ZH)).isEqualTo(Lang.ZH);
    assertThat(Lang.of("中文")).contains(Lang.ZH);
    assertThat(Lang.of("fr")).isEmpty();
  }

  @Test
  void anUnknownKeyIsAProgrammingErrorNamedInTheMessage() {
    assertThatThrownBy(() -> Messages.text("edit.no.such.key"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("edit.no.such.key");
  }

  private static int argumentCount(String pattern) {
    MessageFormat format = new MessageFormat(pattern);
    int max = -1;
    for (String name : format.getArgumentNames()) {
      max = Math.max(max, Integer.parseInt(name));
    }
    return max + 1;
  }

  private static Object[] sampleArguments(int count) {
    Object[] args = new Object[count];
    for (int i = 0; i < count; i++) {
      args[i] = 3;
    }
    return args;
  }

  static List<String> englishWords(String chinese) {
    String prose = CODE.matcher(chinese).replaceAll(" ");
    List<String> words = new ArrayList<>();
    Matcher matcher = WORD.matcher(prose);
    while (matcher.find()) {
      String word = matcher.group().replaceAll("\\.+$", "");
      if (word.length() > 1 && !KEPT_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
        words.add(word);
      }
    }
    return words;
  }

  private static boolean hasHan(String text) {
    return text.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }
}
