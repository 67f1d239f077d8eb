package dev.klingbot.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Discord shards one bot process runs: a single shard ({@code 2}), a range ({@code 0-3}) or a
 * list of both ({@code 0,2-3}, also a YAML list). Whether they fit the shard total is checked by
 * {@link DiscordConfig}.
 */
public final class ShardSelection {
  private static final Pattern PART = Pattern.compile("(\\d{1,6})(?:\\s*-\\s*(\\d{1,6}))?");
  private static final String ALLOWED =
      "allowed: a shard like 2, a range like 0-3, or a list like 0,2-3";

  private final String text;
  private final List<Integer> ids;

  private ShardSelection(String text, List<Integer> ids) {
    this.text = text;
    this.ids = List.copyOf(ids);
  }

  /**
   * Reads {@code 2}, {@code "0-3"}, {@code "0,2-3"} or a YAML list of those; blank gives {@code
   * null} (all shards).
   *
   * @throws ConfigException naming what is wrong (the caller adds the key)
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ShardSelection parse(Object value) {
    if (value == null) {
      return null;
    }
    String text;
    if (value instanceof Collection<?> list) {
      text = String.join(",", list.stream().map(String::valueOf).toList());
    } else if (value instanceof String || value instanceof Integer || value instanceof Long) {
      text = String.valueOf(value);
    } else {
      throw new ConfigException("", "is '" + value + "'; " + ALLOWED);
    }
    text = text.strip();
    if (text.isEmpty()) {
      return null;
    }
    TreeSet<Integer> ids = new TreeSet<>();
    for (String part : text.split(",")) {
      Matcher m = PART.matcher(part.strip());
      if (!m.matches()) {
        throw new ConfigException("", "is '" + text + "'; " + ALLOWED);
      }
      int first = Integer.parseInt(m.group(1));
      int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
      if (last < first) {
        throw new ConfigException(
            "",
            part.strip()
                + " runs backwards: write the lower shard first, like "
                + last
                + "-"
                + first);
      }
      for (int id = first; id <= last; id++) {
        ids.add(id);
      }
    }
    return new ShardSelection(text.replaceAll("\\s+", ""), List.copyOf(ids));
  }

  /** Shard ids written short, ascending: {@code [0, 1, 2, 5]} gives {@code 0-2,5}. */
  public static String describe(Collection<Integer> shardIds) {
    List<Integer> ids = new TreeSet<>(shardIds).stream().toList();
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < ids.size()) {
      int j = i;
      while (j + 1 < ids.size() && ids.get(j + 1) == ids.get(j) + 1) {
        j++;
      }
      text.append(text.length() == 0 ? "" : ",").append(ids.get(i));
      if (j > i) {
        text.append('-').append(ids.get(j));
      }
      i = j + 1;
    }
    return text.toString();
  }

  /** The shard ids, ascending, each once. */
  public List<Integer> ids() {
    return ids;
  }

  /** The highest shard id. */
  public int highest() {
    return ids.get(ids.size() - 1);
  }

  /** The selection as written, e.g. {@code 0,2-3}. */
  @JsonValue
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ShardSelection selection && ids.equals(selection.ids);
  }

  @Override
  public int hashCode() {
    return ids.hashCode();
  }
}
