package dev.klingbot.core.admin;

import static java.util.Objects.requireNonNull;

import dev.klingbot.config.QuotaConfig;
import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatFile;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.instruction.PromptTemplates;
import dev.klingbot.core.quota.PolicyOverrides;
import dev.klingbot.core.quota.QuotaPolicy;
import dev.klingbot.core.quota.QuotaService;
import dev.klingbot.core.quota.QuotaSetting;
import dev.klingbot.core.quota.UsageChart;
import dev.klingbot.core.quota.UsageReport;
import dev.klingbot.core.store.ServerSettingsStore;
import dev.klingbot.core.workflow.EditException;
import dev.klingbot.core.workflow.Reply;
import dev.klingbot.core.workflow.Texts;
import dev.klingbot.kling.EditMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What server admins can do: quotas (server and per member), the cost table, the channels edits may
 * start in, prompt templates, and usage reports. Every method checks the requester is an admin
 * again, whatever the platform already checked.
 */
public final class AdminService {
  private final ServerSettingsStore settings;
  private final QuotaService quota;
  private final QuotaConfig config;
  private final Path reportDir;
  private final Clock clock;
  private final java.util.function.Function<
          dev.klingbot.core.Platform, dev.klingbot.core.conversation.CommandSyntax>
      syntaxes;

  public AdminService(
      ServerSettingsStore settings,
      QuotaService quota,
      QuotaConfig config,
      Path reportDir,
      Clock clock) {
    this(
        settings,
        quota,
        config,
        reportDir,
        clock,
        platform -> dev.klingbot.core.conversation.CommandSyntax.plain());
  }

  /**
   * @param syntaxes how admin commands are written on each platform, for the hints in answers
   *     (usually {@link dev.klingbot.core.chat.ChatPorts#syntax})
   */
  public AdminService(
      ServerSettingsStore settings,
      QuotaService quota,
      QuotaConfig config,
      Path reportDir,
      Clock clock,
      java.util.function.Function<
              dev.klingbot.core.Platform, dev.klingbot.core.conversation.CommandSyntax>
          syntaxes) {
    this.syntaxes = requireNonNull(syntaxes, "syntaxes is null");
    this.settings = requireNonNull(settings, "settings is null");
    this.quota = requireNonNull(quota, "quota is null");
    this.config = requireNonNull(config, "config is null");
    this.reportDir = requireNonNull(reportDir, "reportDir is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * The language to speak to {@code who}: their own, as their platform says it, else the one their
   * server's admins chose, else the configured default.
   */
  public Lang languageFor(Requester who) {
    Lang server = null;
    if (Lang.of(who.locale()).isEmpty()) {
      try {
        server = settings.language(who.platform(), who.serverId()).flatMap(Lang::of).orElse(null);
      } catch (RuntimeException e) {
        // an unreachable database must not silence the answer: speak the default
        server = null;
      }
    }
    return Lang.choose(who.locale(), server, Messages.defaultLang());
  }

  /** The language of this server: its own choice or the default, and how to change it. */
  public Reply language(Requester who) {
    requireAdmin(who);
    Optional<Lang> own = settings.language(who.platform(), who.serverId()).flatMap(Lang::of);
    Lang lang = own.orElse(Messages.defaultLang());
    return Reply.text(
        Messages.text(
            own.isPresent() ? "admin.language.own" : "admin.language.default",
            lang.nativeName(),
            lang.code()));
  }

  /** Sets the server's language ({@code zh}, {@code en}), or back to the default ({@code null}). */
  public Reply languageSet(Requester who, String typed) {
    requireAdmin(who);
    if (typed == null || typed.equalsIgnoreCase("reset") || typed.equalsIgnoreCase("default")) {
      settings.setLanguage(who.platform(), who.serverId(), null, who.userId(), clock.instant());
      Lang lang = Messages.defaultLang();
      try (Messages.Scope scope = Messages.use(lang)) {
        return Reply.text(Messages.text("admin.language.reset", lang.nativeName(), lang.code()));
      }
    }
    Lang lang =
        Lang.of(typed)
            .orElseThrow(
                () ->
                    new EditException(
                        EditException.Kind.NOT_ALLOWED,
                        Messages.text("admin.language.unknown", Texts.clip(typed, 40))));
    settings.setLanguage(
        who.platform(), who.serverId(), lang.code(), who.userId(), clock.instant());
    try (Messages.Scope scope = Messages.use(lang)) {
      return Reply.text(Messages.text("admin.language.set", lang.nativeName(), lang.code()));
    }
  }

  /** The server's quota settings, marking which are its own and which are defaults. */
  public Reply quotaShow(Requester who) {
    requireAdmin(who);
    PolicyOverrides own = settings.policy(who.platform(), who.serverId());
    QuotaPolicy policy = quota.policy(who.platform(), who.serverId());
    StringBuilder text = new StringBuilder("⚙️ **Quota settings of this server**");
    line(text, QuotaSetting.DAILY, policy.dailyUnits() + " units", own.dailyUnits() != null);
    line(text, QuotaSetting.MONTHLY, policy.monthlyUnits() + " units", own.monthlyUnits() != null);
    line(
        text,
        QuotaSetting.USER_DAILY,
        policy.userDailyUnits() + " units",
        own.userDailyUnits() != null);
    line(
        text,
        QuotaSetting.CONCURRENT,
        Integer.toString(policy.maxConcurrentJobs()),
        own.maxConcurrentJobs() != null);
    line(text, QuotaSetting.PRO, policy.allowPro() ? "on" : "off", own.allowPro() != null);
    line(
        text,
        QuotaSetting.TEN_SECONDS,
        policy.allowTenSeconds() ? "on" : "off",
        own.allowTenSeconds() != null);
    line(text, QuotaSetting.TIME_ZONE, policy.timeZone().getId(), own.timeZone() != null);
    var usage = quota.usage(who.platform(), who.serverId(), who.userId(), clock.instant());
    text.append("\nUsed today: ")
        .append(usage.serverUsedToday())
        .append(" · this month: ")
        .append(usage.serverUsedThisMonth())
        .append(" · running now: ")
        .append(usage.running());
    text.append(
        "\nChange one with "
            + AdminSyntax.of(syntaxes.apply(who.platform())).quotaSet("<setting>", "<value>")
            + ", e.g. "
            + AdminSyntax.of(syntaxes.apply(who.platform())).quotaSet("daily", "50")
            + "; "
            + AdminSyntax.of(syntaxes.apply(who.platform())).quotaReset("<setting>")
            + " goes back to the default.");
    return Reply.text(text.toString());
  }

  private static void line(StringBuilder text, QuotaSetting setting, String value, boolean own) {
    text.append("\n- **")
        .append(setting.key())
        .append("** = ")
        .append(value)
        .append(own ? "" : " (default)")
        .append(" — ")
        .append(setting.description());
  }

  /** Sets one quota setting from what the admin typed. */
  public Reply quotaSet(Requester who, String settingName, String value) {
    requireAdmin(who);
    QuotaSetting setting = setting(settingName);
    Object parsed;
    try {
      parsed = setting.parse(value);
    } catch (IllegalArgumentException e) {
      throw new EditException(EditException.Kind.NOT_ALLOWED, e.getMessage());
    }
    settings.setPolicy(
        who.platform(), who.serverId(), setting.column(), parsed, who.userId(), clock.instant());
    String shown = parsed instanceof Boolean on ? (on ? "on" : "off") : parsed.toString();
    return Reply.text("✅ **" + setting.key() + "** is now " + shown + " for this server.");
  }

  /** Goes back to the configured default for one setting. */
  public Reply quotaReset(Requester who, String settingName) {
    requireAdmin(who);
    QuotaSetting setting = setting(settingName);
    settings.setPolicy(
        who.platform(), who.serverId(), setting.column(), null, who.userId(), clock.instant());
    return Reply.text("✅ **" + setting.key() + "** is back to the default.");
  }

  /** Gives one member their own daily limit ({@code null} removes it). */
  public Reply userLimit(Requester who, String userId, Integer dailyUnits) {
    requireAdmin(who);
    if (dailyUnits != null && (dailyUnits < 0 || dailyUnits > 1_000_000)) {
      throw new EditException(
          EditException.Kind.NOT_ALLOWED,
          "A member's daily limit must be between 0 and 1000000 units.");
    }
    settings.setUserLimit(who.platform(), who.serverId(), userId, dailyUnits, clock.instant());
    return Reply.text(
        dailyUnits == null
            ? "✅ " + mention(who, userId) + " now has the server's per-member limit again."
            : "✅ " + mention(who, userId) + " may now spend " + dailyUnits + " units per day.");
  }

  /** The member's usage today and limit. */
  public Reply userShow(Requester who, String userId) {
    requireAdmin(who);
    var usage = quota.usage(who.platform(), who.serverId(), userId, clock.instant());
    boolean own = settings.userLimit(who.platform(), who.serverId(), userId).isPresent();
    return Reply.text(
        mention(who, userId)
            + " used "
            + usage.userUsedToday()
            + " of "
            + usage.userDailyLimit()
            + " units today"
            + (own ? " (their own limit)." : " (the server's per-member limit)."));
  }

  /** The cost of a task by mode and length. */
  public Reply costs(Requester who) {
    requireAdmin(who);
    QuotaConfig.Costs costs = config.costs();
    return Reply.text(
        "💰 **Cost per edit** (units)\n"
            + "```\n"
            + "mode   5 s   10 s\n"
            + String.format(Locale.ROOT, "std  %4d  %5d%n", costs.std5s(), costs.std10s())
            + String.format(Locale.ROOT, "pro  %4d  %5d%n", costs.pro5s(), costs.pro10s())
            + "```\nThe table is set in the bot's configuration (quota.costs).");
  }

  public Reply channels(Requester who) {
    requireAdmin(who);
    List<String> channels = settings.allowedChannels(who.platform(), who.serverId());
    if (channels.isEmpty()) {
      return Reply.text(
          "Edits may be started in every channel. Limit them with "
              + AdminSyntax.of(syntaxes.apply(who.platform())).channelsAdd("<channel>")
              + ".");
    }
    return Reply.text(
        "Edits may be started only in: "
            + String.join(", ", channels.stream().map(id -> "<#" + id + ">").toList())
            + ". "
            + AdminSyntax.of(syntaxes.apply(who.platform())).channelsRemove("<channel>")
            + " or "
            + AdminSyntax.of(syntaxes.apply(who.platform())).channelsClear()
            + " changes that.");
  }

  public Reply channelAdd(Requester who, String channelId) {
    requireAdmin(who);
    settings.allowChannel(who.platform(), who.serverId(), cleanChannel(channelId));
    return channels(who);
  }

  public Reply channelRemove(Requester who, String channelId) {
    requireAdmin(who);
    settings.disallowChannel(who.platform(), who.serverId(), cleanChannel(channelId));
    return channels(who);
  }

  public Reply channelsClear(Requester who) {
    requireAdmin(who);
    settings.clearChannels(who.platform(), who.serverId());
    return channels(who);
  }

  /** The prompt templates in use: the server's own where set, the defaults otherwise. */
  public Reply templates(Requester who) {
    requireAdmin(who);
    Map<EditMode, String> own = settings.templates(who.platform(), who.serverId());
    PromptTemplates defaults = PromptTemplates.defaults();
    StringBuilder text = new StringBuilder("📝 **Prompt templates**");
    for (EditMode mode : EditMode.values()) {
      String template = own.get(mode);
      text.append("\n- **")
          .append(mode.wireName())
          .append("**: `")
          .append(
              template != null
                  ? template
                  : defaults.template(mode, dev.klingbot.core.instruction.Language.ENGLISH))
          .append('`')
          .append(template != null ? "" : " (default)");
    }
    text.append(
        "\nVariables: {element}, {original}, {replacement}, {subject}, {location}, {images}. Kling placeholders: <<<video_1>>>, <<<image_1>>>, <<<image_2>>>.");
    text.append(
        "\nChange one with "
            + AdminSyntax.of(syntaxes.apply(who.platform())).templateSet("<mode>", "<template>")
            + "; "
            + AdminSyntax.of(syntaxes.apply(who.platform())).templateReset("<mode>")
            + " restores the default.");
    return Reply.text(text.toString());
  }

  public Reply templateSet(Requester who, String modeName, String template) {
    requireAdmin(who);
    EditMode mode = mode(modeName);
    List<String> problems =
        PromptTemplates.problems(mode, template == null ? "" : template.strip());
    if (!problems.isEmpty()) {
      throw new EditException(
          EditException.Kind.INSTRUCTION,
          "That " + mode.wireName() + " template can't be used: " + String.join(" ", problems));
    }
    settings.setTemplate(
        who.platform(), who.serverId(), mode, template.strip(), who.userId(), clock.instant());
    return Reply.text(
        "✅ New edits of this server use this "
            + mode.wireName()
            + " template: `"
            + template.strip()
            + "`");
  }

  public Reply templateReset(Requester who, String modeName) {
    requireAdmin(who);
    EditMode mode = mode(modeName);
    settings.setTemplate(who.platform(), who.serverId(), mode, null, who.userId(), clock.instant());
    return Reply.text("✅ The " + mode.wireName() + " template is back to the default.");
  }

  /**
   * Usage for a period: {@code today}, {@code week} (last 7 days), {@code month} (this month, the
   * default), {@code 2026-11}, or {@code 2026-11-01..2026-11-15}. A month comes with a chart.
   */
  public Reply usage(Requester who, String period) {
    requireAdmin(who);
    ZoneId zone = quota.policy(who.platform(), who.serverId()).timeZone();
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    Period range = Period.parse(period == null ? "" : period, today);
    UsageReport report = quota.report(who.platform(), who.serverId(), range.from(), range.to());
    StringBuilder text =
        new StringBuilder("📈 **Usage ")
            .append(range.label())
            .append("**: ")
            .append(report.totalUnits())
            .append(" units in ")
            .append(report.totalEdits())
            .append(report.totalEdits() == 1 ? " edit" : " edits");
    if (report.refundedEdits() > 0) {
      text.append(" (").append(report.refundedEdits()).append(" refunded, not counted)");
    }
    if (!report.users().isEmpty()) {
      text.append("\n```\nmember                     units  edits\n");
      for (UsageReport.User user : report.users()) {
        text.append(
            String.format(
                Locale.ROOT,
                "%-26s %5d  %5d%n",
                clip(user.userId(), 26),
                user.units(),
                user.edits()));
      }
      text.append("```");
    }
    if (!report.days().isEmpty() && !range.month()) {
      text.append("\nBy day: ");
      report
          .days()
          .forEach(day -> text.append(day.day()).append(" ").append(day.units()).append(" · "));
      text.setLength(text.length() - 3);
    }
    ChatMessage message = ChatMessage.text(text.toString());
    if (range.month()) {
      Path file =
          reportDir.resolve(
              "usage-"
                  + who.platform().id()
                  + "-"
                  + safe(who.serverId())
                  + "-"
                  + range.label().replace(' ', '-')
                  + ".png");
      UsageChart.write(report, "Units per day, " + range.label(), file);
      message =
          message.withFile(
              new ChatFile(
                  file, "usage-" + range.label().replace(' ', '-') + ".png", "Units per day"));
    }
    return new Reply(null, List.of(message));
  }

  /** A period of days, and whether it is a calendar month. */
  record Period(LocalDate from, LocalDate to, String label, boolean month) {
    static Period parse(String text, LocalDate today) {
      String value = text.strip().toLowerCase(Locale.ROOT);
      try {
        if (value.isEmpty() || value.equals("month") || value.equals("this-month")) {
          YearMonth month = YearMonth.from(today);
          return new Period(month.atDay(1), month.atEndOfMonth(), month.toString(), true);
        }
        if (value.equals("today")) {
          return new Period(today, today, "today", false);
        }
        if (value.equals("week")) {
          return new Period(today.minusDays(6), today, "last 7 days", false);
        }
        if (value.equals("last-month")) {
          YearMonth month = YearMonth.from(today).minusMonths(1);
          return new Period(month.atDay(1), month.atEndOfMonth(), month.toString(), true);
        }
        if (value.matches("\\d{4}-\\d{2}")) {
          YearMonth month = YearMonth.parse(value);
          return new Period(month.atDay(1), month.atEndOfMonth(), month.toString(), true);
        }
        if (value.matches("\\d{4}-\\d{2}-\\d{2}\\.\\.\\d{4}-\\d{2}-\\d{2}")) {
          String[] parts = value.split("\\.\\.");
          LocalDate from = LocalDate.parse(parts[0]);
          LocalDate to = LocalDate.parse(parts[1]);
          if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
            throw new IllegalArgumentException("range");
          }
          return new Period(from, to, from + " to " + to, false);
        }
        if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
          LocalDate day = LocalDate.parse(value);
          return new Period(day, day, day.toString(), false);
        }
      } catch (RuntimeException e) {
        // fall through to the message below
      }
      throw new EditException(
          EditException.Kind.NOT_ALLOWED,
          "“"
              + text
              + "” is not a period. Use today, week, month, last-month, a month like 2026-11, or a range like 2026-11-01..2026-11-15.");
    }
  }

  private static void requireAdmin(Requester who) {
    if (!who.admin()) {
      throw new EditException(EditException.Kind.NOT_ALLOWED, "Only server admins can do that.");
    }
  }

  private static QuotaSetting setting(String name) {
    return QuotaSetting.find(name == null ? "" : name)
        .orElseThrow(
            () ->
                new EditException(
                    EditException.Kind.NOT_ALLOWED,
                    "“"
                        + name
                        + "” is not a quota setting. Settings: "
                        + QuotaSetting.keys()
                        + "."));
  }

  private static EditMode mode(String name) {
    String value = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    for (EditMode mode : EditMode.values()) {
      if (mode.wireName().equals(value)) {
        return mode;
      }
    }
    throw new EditException(
        EditException.Kind.NOT_ALLOWED,
        "“" + name + "” is not an edit mode. Use addition, swap or removal.");
  }

  private static String cleanChannel(String channel) {
    String value = channel == null ? "" : channel.strip();
    if (value.startsWith("<#") && value.endsWith(">")) {
      value = value.substring(2, value.length() - 1);
      int bar = value.indexOf('|');
      if (bar >= 0) {
        value = value.substring(0, bar);
      }
    }
    value = value.replaceFirst("^#", "");
    if (value.isEmpty()) {
      throw new EditException(
          EditException.Kind.NOT_ALLOWED, "Name a channel, e.g. `channels add #video-edits`.");
    }
    return value;
  }

  private String mention(Requester who, String userId) {
    return syntaxes.apply(who.platform()).mention(userId);
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static String safe(String text) {
    return text.replaceAll("[^A-Za-z0-9_-]", "_");
  }
}
