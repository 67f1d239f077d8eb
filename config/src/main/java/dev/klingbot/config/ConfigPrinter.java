package dev.klingbot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * Prints the effective configuration as YAML. Secrets, and passwords inside the database URL, show
 * as {@code ********}.
 */
public final class ConfigPrinter {
  private final ObjectMapper yaml = ConfigMapper.yaml();

  public String toYaml(KlingbotConfig config) {
    try {
      ObjectNode tree = yaml.valueToTree(config);
      if (tree.get("database") instanceof ObjectNode database) {
        // a password can also sit inside the URL (?password=, user:pass@, ;PASSWORD=)
        database.put("url", config.database().maskedUrl());
      }
      return yaml.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
