package dev.klingbot.core.quota;

/** What a server's admins changed; {@code null} means "use the configured default". */
public record PolicyOverrides(
    Integer dailyUnits,
    Integer monthlyUnits,
    Integer userDailyUnits,
    Integer maxConcurrentJobs,
    Boolean allowPro,
    Boolean allowTenSeconds,
    String timeZone) {

  public static PolicyOverrides none() {
    return new PolicyOverrides(null, null, null, null, null, null, null);
  }
}
