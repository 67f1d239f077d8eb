package dev.klingbot.core.quota;

import dev.klingbot.config.QuotaConfig;
import java.time.ZoneId;

/** A server's effective limits: its own settings where set, the configured defaults elsewhere. */
public record QuotaPolicy(
    int dailyUnits,
    int monthlyUnits,
    int userDailyUnits,
    int maxConcurrentJobs,
    boolean allowPro,
    boolean allowTenSeconds,
    ZoneId timeZone) {

  public static QuotaPolicy from(QuotaConfig.QuotaDefaults defaults) {
    return new QuotaPolicy(
        defaults.dailyUnits(),
        defaults.monthlyUnits(),
        defaults.userDailyUnits(),
        defaults.maxConcurrentJobs(),
        defaults.allowPro(),
        defaults.allowTenSeconds(),
        ZoneId.of(defaults.timeZone()));
  }

  /** Applies a server's own settings (null fields keep the defaults). */
  public QuotaPolicy with(PolicyOverrides overrides) {
    return new QuotaPolicy(
        overrides.dailyUnits() != null ? overrides.dailyUnits() : dailyUnits,
        overrides.monthlyUnits() != null ? overrides.monthlyUnits() : monthlyUnits,
        overrides.userDailyUnits() != null ? overrides.userDailyUnits() : userDailyUnits,
        overrides.maxConcurrentJobs() != null ? overrides.maxConcurrentJobs() : maxConcurrentJobs,
        overrides.allowPro() != null ? overrides.allowPro() : allowPro,
        overrides.allowTenSeconds() != null ? overrides.allowTenSeconds() : allowTenSeconds,
        overrides.timeZone() != null ? ZoneId.of(overrides.timeZone()) : timeZone);
  }
}
