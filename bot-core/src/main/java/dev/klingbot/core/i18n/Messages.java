package dev.klingbot.core.i18n;

import static java.util.Objects.requireNonNull;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every sentence the bot says, in each {@link Lang}: the texts live in resource bundles ({@code
 * dev/klingbot/core/i18n/<area>.properties} in English, {@code <area>_zh.properties} in Chinese),
 * one per area, and a key's first word names its area ({@code edit.plan.title} is in {@code
 * edit.properties}). Patterns are ICU {@link MessageFormat}s: {@code {0}} arguments, plurals
 * ({@code {0, plural, one{# unit} other{# units}}}) and numbers formatted for the language.
 *
 * <p>The language is the caller's: {@link #use(Lang)} sets it for the current thread while a
 * command or a job about one edit is carried out (as the log context does), and {@link
 * #text(String, Object...)} reads it; outside such a scope the configured default is spoken.
 */
public final class Messages {
  /** Every bundle; a key's first word is one of these. */
  public static final List<String> AREAS =
      List.of(
          "common",
          "edit",
          "selection",
          "task",
          "delivery",
          "conversation",
          "grammar",
          "help",
          "admin",
          "quota",
          "media",
          "instruction",
          "discord",
          "slack",
          "console",
          "page");

  private static final String BASE = "dev.klingbot.core.i18n.";
  private static final ThreadLocal<Lang> CURRENT = new ThreadLocal<>();
  private static volatile Lang fallback = Lang.EN;
  private static final ConcurrentHashMap<String, ResourceBundle> BUNDLES =
      new ConcurrentHashMap<>();

  private Messages() {}

  /** The language spoken outside any {@link #use(Lang)} scope (from configuration). */
  public static void setDefault(Lang lang) {
    fallback = requireNonNull(lang, "lang is null");
  }

  public static Lang defaultLang() {
    return fallback;
  }

  /** The language of the current thread's scope, else the default. */
  public static Lang current() {
    Lang lang = CURRENT.get();
    return lang != null ? lang : fallback;
  }

  /**
   * Speaks {@code lang} on this thread until the returned scope is closed (then the language before
   * it again). A null language keeps the current one.
   */
  public static Scope use(Lang lang) {
    Lang before = CURRENT.get();
    if (lang != null) {
      CURRENT.set(lang);
    }
    return () -> {
      if (before == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(before);
      }
    };
  }

  /** A language scope; closing it never throws. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** The sentence {@code key} in the current language, with {@code args} put in. */
  public static String text(String key, Object... args) {
    return text(current(), key, args);
  }

  /** The sentence {@code key} in {@code lang}, with {@code args} put in. */
  public static String text(Lang lang, String key, Object... args) {
    String pattern = pattern(lang, key);
    if (args.length == 0 && pattern.indexOf('{') < 0 && pattern.indexOf('\'') < 0) {
      return pattern;
    }
    return new MessageFormat(pattern, ULocale.forLocale(lang.locale())).format(args);
  }

  /** Whether {@code key} exists (in English, which every key has). */
  public static boolean has(String key) {
    try {
      bundle(Lang.EN, area(key)).getString(key);
      return true;
    } catch (MissingResourceException | IllegalArgumentException e) {
      return false;
    }
  }

  /** The raw pattern of {@code key} in {@code lang}. */
  public static String pattern(Lang lang, String key) {
    requireNonNull(key, "key is null");
    try {
      return bundle(lang, area(key)).getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalArgumentException("no message " + key, e);
    }
  }

  /** Every key of every area, sorted (for the test that renders them all). */
  public static Set<String> keys() {
    Set<String> all = new TreeSet<>();
    for (String area : AREAS) {
      all.addAll(Collections.list(bundle(Lang.EN, area).getKeys()));
    }
    return all;
  }

  /** The keys {@code lang}'s own bundle defines (without falling back to English). */
  public static Set<String> ownKeys(Lang lang) {
    Set<String> own = new TreeSet<>();
    for (String area : AREAS) {
      String file =
          BASE.replace('.', '/')
              + area
              + (lang == Lang.EN ? "" : "_" + lang.code())
              + ".properties";
      try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(file)) {
        if (in == null) {
          continue;
        }
        Properties properties = new Properties();
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        own.addAll(properties.stringPropertyNames());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return own;
  }

  /** The same sentence in every language, e.g. to match a typed word either way. */
  public static List<String> inEveryLanguage(String key, Object... args) {
    List<String> all = new ArrayList<>();
    for (Lang lang : Lang.values()) {
      all.add(text(lang, key, args));
    }
    return all;
  }

  private static String area(String key) {
    int dot = key.indexOf('.');
    String area = dot < 0 ? key : key.substring(0, dot);
    if (!AREAS.contains(area)) {
      throw new IllegalArgumentException("no message area " + area + " for " + key);
    }
    return area;
  }

  private static ResourceBundle bundle(Lang lang, String area) {
    return BUNDLES.computeIfAbsent(
        lang.code() + ":" + area,
        ignored ->
            ResourceBundle.getBundle(
                BASE + area,
                lang == Lang.EN ? Locale.ROOT : lang.locale(),
                Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)));
  }
}
