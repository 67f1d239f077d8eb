package dev.klingbot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/** Prints the effective configuration as YAML. Secrets show as {@code ********}. */
public final class ConfigPrinter {
  private final ObjectMapper yaml = ConfigMapper.yaml();

  public String toYaml(KlingbotConfig config) {
    try {
      return yaml.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
