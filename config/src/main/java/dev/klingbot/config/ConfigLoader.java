package dev.klingbot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads the configuration: built-in defaults, then the YAML file ({@code klingbot.yml}), then
 * environment variables. Any bad value becomes one {@link ConfigException} naming the key.
 */
public final class ConfigLoader {
  /** The file read when none is named. */
  public static final Path DEFAULT_FILE = Path.of("klingbot.yml");

  /** Environment variable naming the config file. */
  public static final String FILE_VARIABLE = "KLINGBOT_CONFIG";

  private final ObjectMapper yaml = ConfigMapper.yaml();

  /** A loaded configuration and where its values came from. */
  public record Loaded(
      KlingbotConfig config, Optional<Path> file, Map<String, String> fromEnvironment) {}

  /**
   * Loads the configuration.
   *
   * @param file an explicit file (must exist), or {@code null} to use {@code KLINGBOT_CONFIG} or
   *     {@code ./klingbot.yml} when present
   * @param environment the process environment
   */
  public Loaded load(Path file, Map<String, String> environment) {
    Optional<Path> source = resolve(file, environment);
    ObjectNode tree = defaultsTree();
    if (source.isPresent()) {
      merge(tree, readFile(source.get()), "");
    }
    Map<String, String> applied = EnvironmentOverrides.apply(tree, environment);
    return new Loaded(bind(tree), source, Map.copyOf(applied));
  }

  /** Loads from YAML text only (tests and tools). */
  public KlingbotConfig parse(String yamlText, Map<String, String> environment) {
    ObjectNode tree = defaultsTree();
    try {
      JsonNode node = yaml.readTree(yamlText);
      if (node != null && !node.isMissingNode() && !node.isNull()) {
        merge(tree, node, "");
      }
    } catch (JsonProcessingException e) {
      throw new ConfigException("", "the YAML is not valid: " + firstLine(e));
    }
    EnvironmentOverrides.apply(tree, environment);
    return bind(tree);
  }

  /** The defaults as a tree holding every key (null where a key has no default). */
  public ObjectNode defaultsTree() {
    return yaml.valueToTree(KlingbotConfig.defaults());
  }

  private static Optional<Path> resolve(Path file, Map<String, String> environment) {
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new ConfigException("", "the config file " + file + " does not exist");
      }
      return Optional.of(file);
    }
    String named = environment.get(FILE_VARIABLE);
    if (named != null && !named.isBlank()) {
      Path path = Path.of(named.strip());
      if (!Files.isRegularFile(path)) {
        throw new ConfigException(
            "", "the config file " + path + " (from " + FILE_VARIABLE + ") does not exist");
      }
      return Optional.of(path);
    }
    return Files.isRegularFile(DEFAULT_FILE) ? Optional.of(DEFAULT_FILE) : Optional.empty();
  }

  private JsonNode readFile(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      JsonNode node = yaml.readTree(in);
      if (node == null || node.isMissingNode() || node.isNull()) {
        return JsonNodeFactory.instance.objectNode();
      }
      if (!node.isObject()) {
        throw new ConfigException("", path + " must hold keys like 'kling:' at the top level");
      }
      return node;
    } catch (NoSuchFileException e) {
      throw new ConfigException("", "the config file " + path + " does not exist");
    } catch (JsonProcessingException e) {
      throw new ConfigException("", path + " is not valid YAML: " + firstLine(e));
    } catch (IOException e) {
      throw new ConfigException("", "cannot read " + path + ": " + e.getMessage());
    }
  }

  /** Copies {@code source} over {@code target}, refusing keys the target does not have. */
  private static void merge(ObjectNode target, JsonNode source, String prefix) {
    if (!source.isObject()) {
      throw new ConfigException(prefix, "must be a group of keys, not a single value");
    }
    Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode existing = target.get(field.getKey());
      if (existing == null) {
        throw unknownKey(key, target);
      }
      if (existing.isObject() && field.getValue().isObject()) {
        merge((ObjectNode) existing, field.getValue(), key);
      } else if (existing.isObject() && !field.getValue().isNull()) {
        throw new ConfigException(key, "must be a group of keys, not a single value");
      } else if (!existing.isObject()) {
        target.set(field.getKey(), field.getValue());
      }
    }
  }

  private static ConfigException unknownKey(String key, JsonNode siblings) {
    TreeSet<String> known = new TreeSet<>();
    siblings.fieldNames().forEachRemaining(known::add);
    return new ConfigException(
        key, "is not a known setting; known keys here: " + String.join(", ", known));
  }

  private KlingbotConfig bind(ObjectNode tree) {
    try {
      return yaml.treeToValue(tree, KlingbotConfig.class);
    } catch (ValueInstantiationException e) {
      String path = path(e);
      Throwable cause = e.getCause();
      if (cause instanceof ConfigException config) {
        throw config.under(path);
      }
      throw new ConfigException(path, "is not valid: " + message(cause));
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(path(e), "is not a known setting");
    } catch (InvalidFormatException e) {
      throw new ConfigException(
          path(e), "is '" + e.getValue() + "'; allowed: " + expected(e.getTargetType()));
    } catch (MismatchedInputException e) {
      throw new ConfigException(
          path(e),
          "has the wrong type; allowed: "
              + expected(e.getTargetType())
              + (e.getCause() == null ? "" : " (" + message(e.getCause()) + ")"));
    } catch (JsonMappingException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ConfigException config) {
        throw config.under(path(e));
      }
      throw new ConfigException(path(e), "is not valid: " + message(cause == null ? e : cause));
    } catch (JsonProcessingException e) {
      throw new ConfigException("", "cannot read the configuration: " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof JsonMappingException mapping) {
        throw new ConfigException(path(mapping), "is not valid: " + message(mapping.getCause()));
      }
      throw new ConfigException("", e.getMessage());
    }
  }

  private static String firstLine(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage();
    String first = message.lines().findFirst().orElse(message).strip();
    return e.getLocation() == null ? first : first + " at line " + e.getLocation().getLineNr();
  }

  private static String message(Throwable cause) {
    if (cause == null) {
      return "unknown problem";
    }
    if (cause instanceof JsonMappingException mapping) {
      return mapping.getOriginalMessage();
    }
    return cause.getMessage();
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(
            reference ->
                reference.getFieldName() != null
                    ? reference.getFieldName()
                    : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "another value";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == java.time.Duration.class) {
      return "a duration like 30s, 5m, 24h";
    }
    if (type == DataSize.class) {
      return "a size like 200MB";
    }
    return "a " + type.getSimpleName();
  }
}
