package dev.klingbot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Environment variables that override configuration keys. Every key {@code a.b-c} can be set with
 * {@code KLINGBOT_A_B_C}; the common ones also have short names ({@link #ALIASES}). Lists take
 * comma-separated values. Short names are applied first, so {@code KLINGBOT_*} wins when both are
 * set.
 */
public final class EnvironmentOverrides {
  /** Short environment names and the key each sets. */
  public static final Map<String, String> ALIASES = aliases();

  private EnvironmentOverrides() {}

  private static Map<String, String> aliases() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("KLING_BASE_URL", "kling.base-url");
    map.put("KLING_API_TOKEN", "kling.api-token");
    map.put("KLING_ACCESS_KEY", "kling.access-key");
    map.put("KLING_SECRET_KEY", "kling.secret-key");
    map.put("KLING_WEBHOOK_SECRET", "kling.webhook-secret");
    map.put("KLING_MODEL", "kling.model-name");
    map.put("DISCORD_TOKEN", "discord.token");
    map.put("DISCORD_DEV_GUILD_ID", "discord.dev-guild-id");
    map.put("DISCORD_SHARD_TOTAL", "discord.shard-total");
    map.put("DISCORD_SHARDS", "discord.shards");
    map.put("SLACK_BOT_TOKEN", "slack.bot-token");
    map.put("SLACK_APP_TOKEN", "slack.app-token");
    map.put("SLACK_SIGNING_SECRET", "slack.signing-secret");
    map.put("SLACK_MODE", "slack.mode");
    map.put("SLACK_ADMIN_USER_IDS", "slack.admin-user-ids");
    map.put("DATABASE_URL", "database.url");
    map.put("KLINGBOT_PUBLIC_BASE_URL", "http.public-base-url");
    map.put("PORT", "http.port");
    map.put("KLINGBOT_LOG_FORMAT", "logging.format");
    map.put("KLINGBOT_LANGUAGE", "language");
    return Map.copyOf(map);
  }

  /** The generic variable name for a key: {@code quota.defaults.daily-units} → KLINGBOT_... */
  public static String variableFor(String key) {
    return "KLINGBOT_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** Every leaf key of a configuration tree, dotted. */
  public static List<String> leafKeys(JsonNode tree) {
    List<String> keys = new ArrayList<>();
    collect("", tree, keys);
    return keys;
  }

  private static void collect(String prefix, JsonNode node, List<String> keys) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        collect(
            prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(),
            field.getValue(),
            keys);
      }
    } else {
      keys.add(prefix);
    }
  }

  /**
   * Applies the environment to {@code tree} (which must already hold every key, e.g. the defaults
   * merged with the file) and returns the keys that were set, with the variable used.
   */
  static Map<String, String> apply(ObjectNode tree, Map<String, String> environment) {
    Map<String, String> applied = new LinkedHashMap<>();
    List<String> keys = leafKeys(tree);
    for (Map.Entry<String, String> alias : ALIASES.entrySet()) {
      String value = environment.get(alias.getKey());
      if (value != null && !value.isBlank() && keys.contains(alias.getValue())) {
        set(tree, alias.getValue(), value);
        applied.put(alias.getValue(), alias.getKey());
      }
    }
    for (String key : keys) {
      String variable = variableFor(key);
      String value = environment.get(variable);
      if (value != null && !value.isBlank()) {
        set(tree, key, value);
        applied.put(key, variable);
      }
    }
    return applied;
  }

  private static void set(ObjectNode tree, String key, String value) {
    String[] parts = key.split("\\.");
    ObjectNode node = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      if (!(child instanceof ObjectNode)) {
        child = node.putObject(parts[i]);
      }
      node = (ObjectNode) child;
    }
    String leaf = parts[parts.length - 1];
    JsonNode current = node.get(leaf);
    if (current != null && current.isArray()) {
      ArrayNode array = node.putArray(leaf);
      for (String item : value.split(",")) {
        if (!item.isBlank()) {
          array.add(item.strip());
        }
      }
    } else if (current != null && current.isBoolean()) {
      String lower = value.strip().toLowerCase(Locale.ROOT);
      if (lower.equals("true") || lower.equals("false")) {
        node.put(leaf, Boolean.parseBoolean(lower));
      } else {
        node.put(leaf, value.strip());
      }
    } else if (current != null && current.isIntegralNumber() && value.strip().matches("-?\\d+")) {
      node.put(leaf, Long.parseLong(value.strip()));
    } else {
      node.put(leaf, value.strip());
    }
  }
}
