package dev.klingbot.core.i18n;

import java.util.Locale;
import java.util.Optional;

/**
 * A language the bot speaks: every message exists in each. The Kling prompt does not follow it (it
 * follows the instruction's own language).
 */
public enum Lang {
  EN,
  ZH;

  /** The code stored and typed: {@code en}, {@code zh}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The language's own name: {@code English}, {@code 中文}. */
  public String nativeName() {
    return this == ZH ? "中文" : "English";
  }

  public Locale locale() {
    return this == ZH ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
  }

  /**
   * The language of a typed code or a platform's locale tag: {@code zh}, {@code zh-CN}, {@code
   * zh_TW}, {@code chinese}, {@code 中文} are Chinese; {@code en}, {@code en-US}, {@code english} are
   * English; anything else (or null) is empty, so the caller falls back.
   */
  public static Optional<Lang> of(String typed) {
    if (typed == null || typed.isBlank()) {
      return Optional.empty();
    }
    String tag = typed.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    if (tag.equals("zh")
        || tag.startsWith("zh-")
        || tag.equals("chinese")
        || tag.equals("中文")
        || tag.equals("汉语")
        || tag.equals("简体中文")) {
      return Optional.of(ZH);
    }
    if (tag.equals("en") || tag.startsWith("en-") || tag.equals("english") || tag.equals("英文")) {
      return Optional.of(EN);
    }
    return Optional.empty();
  }

  /**
   * The language to speak to someone: the person's own (the platform's locale for them) when it is
   * one of ours, else the server's choice, else the configured default.
   */
  public static Lang choose(String personLocale, Lang server, Lang configured) {
    return of(personLocale).orElse(server != null ? server : configured);
  }
}
