package dev.klingbot.config;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The whole configuration: one group per module. */
public record KlingbotConfig(
    KlingConfig kling,
    DatabaseConfig database,
    HttpConfig http,
    MediaConfig media,
    QuotaConfig quota,
    JobsConfig jobs,
    DiscordConfig discord,
    SlackConfig slack,
    LimitsConfig limits) {

  @JsonCreator
  public KlingbotConfig {
    kling = kling == null ? KlingConfig.defaults() : kling;
    database = database == null ? DatabaseConfig.defaults() : database;
    http = http == null ? HttpConfig.defaults() : http;
    media = media == null ? MediaConfig.defaults() : media;
    quota = quota == null ? QuotaConfig.defaultConfig() : quota;
    jobs = jobs == null ? JobsConfig.defaults() : jobs;
    discord = discord == null ? DiscordConfig.defaults() : discord;
    slack = slack == null ? SlackConfig.defaults() : slack;
    limits = limits == null ? LimitsConfig.defaults() : limits;
  }

  public static KlingbotConfig defaults() {
    return new KlingbotConfig(null, null, null, null, null, null, null, null, null);
  }

  public KlingbotConfig withKling(KlingConfig newKling) {
    return new KlingbotConfig(newKling, database, http, media, quota, jobs, discord, slack, limits);
  }

  public KlingbotConfig withDatabase(DatabaseConfig newDatabase) {
    return new KlingbotConfig(kling, newDatabase, http, media, quota, jobs, discord, slack, limits);
  }

  public KlingbotConfig withHttp(HttpConfig newHttp) {
    return new KlingbotConfig(kling, database, newHttp, media, quota, jobs, discord, slack, limits);
  }

  public KlingbotConfig withMedia(MediaConfig newMedia) {
    return new KlingbotConfig(kling, database, http, newMedia, quota, jobs, discord, slack, limits);
  }

  public KlingbotConfig withQuota(QuotaConfig newQuota) {
    return new KlingbotConfig(kling, database, http, media, newQuota, jobs, discord, slack, limits);
  }

  public KlingbotConfig withJobs(JobsConfig newJobs) {
    return new KlingbotConfig(kling, database, http, media, quota, newJobs, discord, slack, limits);
  }

  public KlingbotConfig withLimits(LimitsConfig newLimits) {
    return new KlingbotConfig(kling, database, http, media, quota, jobs, discord, slack, newLimits);
  }
}
