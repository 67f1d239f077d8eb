package dev.klingbot.core.conversation;

import dev.klingbot.core.conversation.EditCommand.Admin;
import java.util.List;

/**
 * An admin command in words, for each front-end to write in its own syntax: typed ({@code quota
 * user U123 reset}) or with named options, as a slash command takes them ({@code quota user
 * member:U123 reset:true}).
 *
 * @param words the words that name the command: {@code quota set}, {@code channels add}
 * @param showWord the word a slash command adds to a command that only shows something ({@code
 *     show}, {@code list}); {@code null} for the others
 * @param arguments the arguments, in order
 */
public record AdminWords(String words, String showWord, List<Argument> arguments) {
  public AdminWords {
    arguments = List.copyOf(arguments);
  }

  /**
   * One argument: {@code name} is the option's name; a flag is typed as its name alone and given as
   * {@code name:true}.
   */
  public record Argument(String name, String value, boolean flag) {
    static Argument of(String name, Object value) {
      return new Argument(name, String.valueOf(value), false);
    }

    static Argument flag(String name) {
      return new Argument(name, "true", true);
    }
  }

  /** The command as typed after {@code admin}. */
  public String typed() {
    StringBuilder text = new StringBuilder(words);
    arguments.forEach(
        argument -> text.append(' ').append(argument.flag() ? argument.name() : argument.value()));
    return text.toString();
  }

  /** The command with named options, as a slash command takes them. */
  public String named() {
    StringBuilder text = new StringBuilder(words);
    if (showWord != null) {
      text.append(' ').append(showWord);
    }
    arguments.forEach(
        argument -> text.append(' ').append(argument.name()).append(':').append(argument.value()));
    return text.toString();
  }

  /** The words of {@code admin}. */
  public static AdminWords of(Admin admin) {
    if (admin instanceof Admin.QuotaSet set) {
      return command(
          "quota set", Argument.of("setting", set.setting()), Argument.of("value", set.value()));
    }
    if (admin instanceof Admin.QuotaReset reset) {
      return command("quota reset", Argument.of("setting", reset.setting()));
    }
    if (admin instanceof Admin.UserShow user) {
      return command("quota user", Argument.of("member", user.userId()));
    }
    if (admin instanceof Admin.UserLimit limit) {
      return command(
          "quota user",
          Argument.of("member", limit.userId()),
          limit.dailyUnits() == null
              ? Argument.flag("reset")
              : Argument.of("units", limit.dailyUnits()));
    }
    if (admin instanceof Admin.ChannelAdd add) {
      return command("channels add", Argument.of("channel", add.channelId()));
    }
    if (admin instanceof Admin.ChannelRemove remove) {
      return command("channels remove", Argument.of("channel", remove.channelId()));
    }
    if (admin instanceof Admin.TemplateSet set) {
      return command(
          "template set", Argument.of("mode", set.mode()), Argument.of("template", set.template()));
    }
    if (admin instanceof Admin.TemplateReset reset) {
      return command("template reset", Argument.of("mode", reset.mode()));
    }
    if (admin instanceof Admin.Usage usage) {
      return usage.period() == null
          ? command("usage")
          : command("usage", Argument.of("period", usage.period()));
    }
    if (admin instanceof Admin.LanguageSet set) {
      return set.language() == null
          ? command("language reset")
          : command("language set", Argument.of("language", set.language()));
    }
    if (admin instanceof Admin.QuotaShow) {
      return shows("quota", "show");
    }
    if (admin instanceof Admin.Channels) {
      return shows("channels", "list");
    }
    if (admin instanceof Admin.Templates) {
      return shows("template", "show");
    }
    if (admin instanceof Admin.Language) {
      return shows("language", "show");
    }
    if (admin instanceof Admin.Costs) {
      return command("costs");
    }
    if (admin instanceof Admin.ChannelsClear) {
      return command("channels clear");
    }
    return command("help");
  }

  private static AdminWords command(String words, Argument... arguments) {
    return new AdminWords(words, null, List.of(arguments));
  }

  private static AdminWords shows(String words, String showWord) {
    return new AdminWords(words, showWord, List.of());
  }
}
