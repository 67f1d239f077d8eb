package dev.klingbot.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Set;

/**
 * The whole configuration: one group per module, and the language the bot speaks where neither the
 * server nor the person chose one ({@code en} or {@code zh}).
 */
public record KlingbotConfig(
    KlingConfig kling,
    DatabaseConfig database,
    HttpConfig http,
    MediaConfig media,
    QuotaConfig quota,
    JobsConfig jobs,
    DiscordConfig discord,
    SlackConfig slack,
    LimitsConfig limits,
    LoggingConfig logging,
    String language) {

  @JsonCreator
  public KlingbotConfig {
    language = Check.oneOf("language", language == null ? "en" : language, Set.of("en", "zh"));
    kling = kling == null ? KlingConfig.defaults() : kling;
    database = database == null ? DatabaseConfig.defaults() : database;
    http = http == null ? HttpConfig.defaults() : http;
    media = media == null ? MediaConfig.defaults() : media;
    quota = quota == null ? QuotaConfig.defaultConfig() : quota;
    jobs = jobs == null ? JobsConfig.defaults() : jobs;
    discord = discord == null ? DiscordConfig.defaults() : discord;
    slack = slack == null ? SlackConfig.defaults() : slack;
    limits = limits == null ? LimitsConfig.defaults() : limits;
    logging = logging == null ? LoggingConfig.defaults() : logging;
  }

  public static KlingbotConfig defaults() {
    return new KlingbotConfig(null, null, null, null, null, null, null, null, null, null, null);
  }

  public KlingbotConfig withKling(KlingConfig newKling) {
    return new KlingbotConfig(
        newKling, database, http, media, quota, jobs, discord, slack, limits, logging, language);
  }

  public KlingbotConfig withDatabase(DatabaseConfig newDatabase) {
    return new KlingbotConfig(
        kling, newDatabase, http, media, quota, jobs, discord, slack, limits, logging, language);
  }

  public KlingbotConfig withHttp(HttpConfig newHttp) {
    return new KlingbotConfig(
        kling, database, newHttp, media, quota, jobs, discord, slack, limits, logging, language);
  }

  public KlingbotConfig withMedia(MediaConfig newMedia) {
    return new KlingbotConfig(
        kling, database, http, newMedia, quota, jobs, discord, slack, limits, logging, language);
  }

  public KlingbotConfig withQuota(QuotaConfig newQuota) {
    return new KlingbotConfig(
        kling, database, http, media, newQuota, jobs, discord, slack, limits, logging, language);
  }

  public KlingbotConfig withLimits(LimitsConfig newLimits) {
    return new KlingbotConfig(
        kling, database, http, media, quota, jobs, discord, slack, newLimits, logging, language);
  }

  public KlingbotConfig withLanguage(String newLanguage) {
    return new KlingbotConfig(
        kling, database, http, media, quota, jobs, discord, slack, limits, logging, newLanguage);
  }
}
