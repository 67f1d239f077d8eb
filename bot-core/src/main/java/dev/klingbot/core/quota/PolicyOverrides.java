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

  /** Whether the server set {@code setting} itself. */
  public boolean isSet(QuotaSetting setting) {
    return switch (setting) {
      case DAILY -> dailyUnits != null;
      case MONTHLY -> monthlyUnits != null;
      case USER_DAILY -> userDailyUnits != null;
      case CONCURRENT -> maxConcurrentJobs != null;
      case PRO -> allowPro != null;
      case TEN_SECONDS -> allowTenSeconds != null;
      case TIME_ZONE -> timeZone != null;
    };
  }

  public static PolicyOverrides none() {
    return new PolicyOverrides(null, null, null, null, null, null, null);
  }
}
