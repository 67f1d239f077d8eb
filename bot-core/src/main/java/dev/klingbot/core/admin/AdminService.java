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
    StringBuilder text = new StringBuilder(Messages.text("admin.quota.title"));
    for (QuotaSetting setting : QuotaSetting.values()) {
      line(text, setting, shown(policy, setting), own.isSet(setting));
    }
    var usage = quota.usage(who.platform(), who.serverId(), who.userId(), clock.instant());
    text.append('\n')
        .append(
            Messages.text(
                "admin.quota.used",
                usage.serverUsedToday(),
                usage.serverUsedThisMonth(),
                usage.running()));
    text.append('\n').append(syntax(who).quotaChanges());
    return Reply.text(text.toString());
  }

  private static void line(StringBuilder text, QuotaSetting setting, String value, boolean own) {
    text.append('\n')
        .append(
            Messages.text(
                own ? "admin.quota.line" : "admin.quota.line.default",
                setting.key(),
                value,
                setting.description()));
  }

  /** The value of {@code setting} in {@code policy}, in words. */
  private static String shown(QuotaPolicy policy, QuotaSetting setting) {
    return switch (setting) {
      case DAILY -> units(policy.dailyUnits());
      case MONTHLY -> units(policy.monthlyUnits());
      case USER_DAILY -> units(policy.userDailyUnits());
      case CONCURRENT -> Integer.toString(policy.maxConcurrentJobs());
      case PRO -> onOff(policy.allowPro());
      case TEN_SECONDS -> onOff(policy.allowTenSeconds());
      case TIME_ZONE -> policy.timeZone().getId();
    };
  }

  private static String units(int count) {
    return Messages.text("admin.units", count);
  }

  private static String onOff(boolean on) {
    return Messages.text(on ? "admin.on" : "admin.off");
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
    String shown = parsed instanceof Boolean on ? onOff(on) : parsed.toString();
    return Reply.text(Messages.text("admin.quota.set", setting.key(), shown));
  }

  /** Goes back to the configured default for one setting. */
  public Reply quotaReset(Requester who, String settingName) {
    requireAdmin(who);
    QuotaSetting setting = setting(settingName);
    settings.setPolicy(
        who.platform(), who.serverId(), setting.column(), null, who.userId(), clock.instant());
    return Reply.text(Messages.text("admin.quota.reset", setting.key()));
  }

  /** Gives one member their own daily limit ({@code null} removes it). */
  public Reply userLimit(Requester who, String userId, Integer dailyUnits) {
    requireAdmin(who);
    if (dailyUnits != null && (dailyUnits < 0 || dailyUnits > 1_000_000)) {
      throw new EditException(
          EditException.Kind.NOT_ALLOWED, Messages.text("admin.user.limit.range"));
    }
    settings.setUserLimit(who.platform(), who.serverId(), userId, dailyUnits, clock.instant());
    return Reply.text(
        dailyUnits == null
            ? Messages.text("admin.user.limit.reset", mention(who, userId))
            : Messages.text("admin.user.limit.set", mention(who, userId), dailyUnits));
  }

  /** The member's usage today and limit. */
  public Reply userShow(Requester who, String userId) {
    requireAdmin(who);
    var usage = quota.usage(who.platform(), who.serverId(), userId, clock.instant());
    boolean own = settings.userLimit(who.platform(), who.serverId(), userId).isPresent();
    return Reply.text(
        Messages.text(
            own ? "admin.user.show.own" : "admin.user.show",
            mention(who, userId),
            usage.userUsedToday(),
            usage.userDailyLimit()));
  }

  /** The cost of a task by mode and length. */
  public Reply costs(Requester who) {
    requireAdmin(who);
    QuotaConfig.Costs costs = config.costs();
    return Reply.text(
        Messages.text("admin.costs.title")
            + "\n```\n"
            + Messages.text("admin.costs.header")
            + "\n"
            + String.format(Locale.ROOT, "std  %4d  %5d%n", costs.std5s(), costs.std10s())
            + String.format(Locale.ROOT, "pro  %4d  %5d%n", costs.pro5s(), costs.pro10s())
            + "```\n"
            + Messages.text("admin.costs.footer"));
  }

  public Reply channels(Requester who) {
    requireAdmin(who);
    List<String> channels = settings.allowedChannels(who.platform(), who.serverId());
    AdminSyntax syntax = syntax(who);
    String channel = Messages.text("admin.placeholder.channel");
    if (channels.isEmpty()) {
      return Reply.text(Messages.text("admin.channels.all", syntax.channelsAdd(channel)));
    }
    return Reply.text(
        Messages.text(
            "admin.channels.only",
            String.join(
                Messages.text("admin.list.separator"),
                channels.stream().map(id -> "<#" + id + ">").toList()),
            syntax.channelsRemove(channel),
            syntax.channelsClear()));
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
    StringBuilder text = new StringBuilder(Messages.text("admin.templates.title"));
    for (EditMode mode : EditMode.values()) {
      String template = own.get(mode);
      text.append('\n')
          .append(
              template != null
                  ? Messages.text("admin.templates.line", mode.wireName(), template)
                  : Messages.text(
                      "admin.templates.line.default",
                      mode.wireName(),
                      defaults.template(mode, dev.klingbot.core.instruction.Language.ENGLISH)));
    }
    text.append('\n')
        .append(
            Messages.text(
                "admin.templates.variables",
                "{element}, {original}, {replacement}, {subject}, {location}, {images}",
                "<<<video_1>>>, <<<image_1>>>, <<<image_2>>>"));
    text.append('\n').append(syntax(who).templateChanges());
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
          Messages.text("admin.template.refused", mode.wireName(), String.join(" ", problems)));
    }
    settings.setTemplate(
        who.platform(), who.serverId(), mode, template.strip(), who.userId(), clock.instant());
    return Reply.text(Messages.text("admin.template.set", mode.wireName(), template.strip()));
  }

  public Reply templateReset(Requester who, String modeName) {
    requireAdmin(who);
    EditMode mode = mode(modeName);
    settings.setTemplate(who.platform(), who.serverId(), mode, null, who.userId(), clock.instant());
    return Reply.text(Messages.text("admin.template.reset", mode.wireName()));
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
        new StringBuilder(
            Messages.text(
                report.refundedEdits() > 0 ? "admin.usage.title.refunded" : "admin.usage.title",
                range.label(),
                report.totalUnits(),
                report.totalEdits(),
                report.refundedEdits()));
    if (!report.users().isEmpty()) {
      text.append("\n```\n").append(Messages.text("admin.usage.table.header")).append('\n');
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
      text.append('\n')
          .append(
              Messages.text(
                  "admin.usage.by.day",
                  String.join(
                      " · ",
                      report.days().stream().map(day -> day.day() + " " + day.units()).toList())));
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
      UsageChart.write(report, () -> Messages.text("admin.usage.chart.title", range.label()), file);
      message =
          message.withFile(
              new ChatFile(
                  file,
                  "usage-" + range.label().replace(' ', '-') + ".png",
                  Messages.text("admin.usage.chart.description")));
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
          return new Period(today, today, Messages.text("admin.usage.period.today"), false);
        }
        if (value.equals("week")) {
          return new Period(
              today.minusDays(6), today, Messages.text("admin.usage.period.week"), false);
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
          return new Period(
              from,
              to,
              Messages.text("admin.usage.period.range", from.toString(), to.toString()),
              false);
        }
        if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
          LocalDate day = LocalDate.parse(value);
          return new Period(day, day, day.toString(), false);
        }
      } catch (RuntimeException e) {
        // fall through to the message below
      }
      throw new EditException(
          EditException.Kind.NOT_ALLOWED, Messages.text("admin.usage.period.unknown", text));
    }
  }

  private static void requireAdmin(Requester who) {
    if (!who.admin()) {
      throw new EditException(EditException.Kind.NOT_ALLOWED, Messages.text("admin.only"));
    }
  }

  private static QuotaSetting setting(String name) {
    return QuotaSetting.find(name == null ? "" : name)
        .orElseThrow(
            () ->
                new EditException(
                    EditException.Kind.NOT_ALLOWED,
                    Messages.text("admin.quota.setting.unknown", name, QuotaSetting.keys())));
  }

  private static EditMode mode(String name) {
    String value = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    for (EditMode mode : EditMode.values()) {
      if (mode.wireName().equals(value)) {
        return mode;
      }
    }
    throw new EditException(
        EditException.Kind.NOT_ALLOWED, Messages.text("admin.template.mode.unknown", name));
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
          EditException.Kind.NOT_ALLOWED, Messages.text("admin.channels.missing"));
    }
    return value;
  }

  /** The admin commands as written on {@code who}'s platform. */
  private AdminSyntax syntax(Requester who) {
    return AdminSyntax.of(syntaxes.apply(who.platform()));
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
