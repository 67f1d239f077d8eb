package dev.klingbot.discord;

import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.workflow.EditException;
import dev.klingbot.core.workflow.MediaSource;
import java.util.Map;

/**
 * A slash command as typed, without JDA: {@code /kling-admin quota set setting:daily value:50} is
 * name {@code kling-admin}, group {@code quota}, subcommand {@code set}, and its options as text
 * (users and channels as their ids); attachments apart, as fetchable sources.
 */
record SlashCommand(
    String name,
    String group,
    String subcommand,
    Map<String, String> options,
    Map<String, MediaSource.Url> attachments) {

  SlashCommand {
    options = Map.copyOf(options);
    attachments = Map.copyOf(attachments);
  }

  /** {@code group/subcommand}, or the subcommand alone. */
  String path() {
    return group == null ? String.valueOf(subcommand) : group + "/" + subcommand;
  }

  /** The option's text, or {@code null} when not given or blank. */
  String option(String option) {
    String value = options.get(option);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** A required option (Discord enforces it; this guards against stale command definitions). */
  String required(String option) {
    String value = option(option);
    if (value == null) {
      throw new EditException(
          EditException.Kind.NOT_ALLOWED, Messages.text("discord.option.missing", option));
    }
    return value;
  }

  Integer intOption(String option) {
    String value = option(option);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw new EditException(
          EditException.Kind.NOT_ALLOWED, Messages.text("discord.option.number", option));
    }
  }

  boolean flag(String option) {
    return Boolean.parseBoolean(option(option));
  }
}
