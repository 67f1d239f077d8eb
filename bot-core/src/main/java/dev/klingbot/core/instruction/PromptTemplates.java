package dev.klingbot.core.instruction;

import static java.util.Objects.requireNonNull;

import dev.klingbot.kling.EditMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The prompt template for each edit mode: Kling's recommended wording (English or Chinese, after
 * the instruction), unless a server's admin overrode it. Immutable.
 *
 * <p>Templates use the variables {@code {element}}, {@code {original}}, {@code {replacement}},
 * {@code {subject}}, {@code {location}} and {@code {images}} (which becomes {@code <<<image_1>>>}
 * or {@code <<<image_1>>> and <<<image_2>>>}), and Kling's placeholders {@code <<<video_1>>>},
 * {@code <<<image_1>>>} and {@code <<<image_2>>>}.
 */
public final class PromptTemplates {
  /** The longest template an admin may set. */
  public static final int MAX_TEMPLATE_LENGTH = TemplateRules.MAX_TEMPLATE_LENGTH;

  private static final Map<EditMode, String> ENGLISH =
      Map.of(
          EditMode.ADDITION,
          "Using the context of <<<video_1>>>, seamlessly add {subject} from {images} to"
              + " {location}",
          EditMode.SWAP,
          "Swap {replacement} from <<<image_1>>> for {original} from <<<video_1>>>",
          EditMode.REMOVAL,
          "Delete {element} from <<<video_1>>>");

  private static final Map<EditMode, String> CHINESE =
      Map.of(
          EditMode.ADDITION,
          "参考<<<video_1>>>的画面，将{images}中的{subject}自然地添加到{location}",
          EditMode.SWAP,
          "用<<<image_1>>>中的{replacement}替换<<<video_1>>>中的{original}",
          EditMode.REMOVAL,
          "删除<<<video_1>>>中的{element}");

  private static final PromptTemplates DEFAULTS =
      new PromptTemplates(new EnumMap<>(EditMode.class));

  private final Map<EditMode, String> overrides;

  private PromptTemplates(EnumMap<EditMode, String> overrides) {
    this.overrides = Collections.unmodifiableMap(overrides);
  }

  /** No overrides: Kling's recommended templates. */
  public static PromptTemplates defaults() {
    return DEFAULTS;
  }

  /**
   * Templates with these overrides, e.g. as loaded from a server's settings.
   *
   * @throws TemplateException for the first override that can't be used
   */
  public static PromptTemplates of(Map<EditMode, String> overrides) {
    PromptTemplates templates = DEFAULTS;
    for (Map.Entry<EditMode, String> entry : overrides.entrySet()) {
      templates = templates.withOverride(entry.getKey(), entry.getValue());
    }
    return templates;
  }

  /**
   * These templates with {@code template} used for {@code mode} whatever the instruction's
   * language.
   *
   * @throws TemplateException listing every problem when {@link #problems} finds any
   */
  public PromptTemplates withOverride(EditMode mode, String template) {
    requireNonNull(mode, "mode is null");
    List<String> problems = problems(mode, template);
    if (!problems.isEmpty()) {
      throw new TemplateException(mode, problems);
    }
    EnumMap<EditMode, String> copy = copyOfOverrides();
    copy.put(mode, template.strip());
    return new PromptTemplates(copy);
  }

  /** These templates with {@code mode} back to the default. */
  public PromptTemplates withoutOverride(EditMode mode) {
    requireNonNull(mode, "mode is null");
    EnumMap<EditMode, String> copy = copyOfOverrides();
    copy.remove(mode);
    return new PromptTemplates(copy);
  }

  /** The override for {@code mode} if there is one, else the default for {@code language}. */
  public String template(EditMode mode, Language language) {
    requireNonNull(mode, "mode is null");
    requireNonNull(language, "language is null");
    String override = overrides.get(mode);
    return override != null ? override : defaultTemplate(mode, language);
  }

  /** Kling's recommended template for {@code mode}, in {@code language}. */
  public static String defaultTemplate(EditMode mode, Language language) {
    return (language == Language.CHINESE ? CHINESE : ENGLISH).get(mode);
  }

  /**
   * What is wrong with {@code template} as the template for {@code mode}, one plain sentence per
   * problem; empty when it can be used. A template must contain {@code <<<video_1>>>}; an addition
   * template {@code {images}} or {@code <<<image_1>>>}; a swap template {@code <<<image_1>>>} (or
   * {@code {images}}); a removal template no image at all. Only the known variables that have a
   * value in the mode may be used, and a template has at most {@value #MAX_TEMPLATE_LENGTH}
   * characters.
   */
  public static List<String> problems(EditMode mode, String template) {
    requireNonNull(mode, "mode is null");
    return TemplateRules.problems(mode, template == null ? null : template.strip());
  }

  /** The admin's templates, by mode. */
  public Map<EditMode, String> overrides() {
    return overrides;
  }

  private EnumMap<EditMode, String> copyOfOverrides() {
    EnumMap<EditMode, String> copy = new EnumMap<>(EditMode.class);
    copy.putAll(overrides);
    return copy;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PromptTemplates that && overrides.equals(that.overrides);
  }

  @Override
  public int hashCode() {
    return overrides.hashCode();
  }

  @Override
  public String toString() {
    return "PromptTemplates" + overrides;
  }
}
