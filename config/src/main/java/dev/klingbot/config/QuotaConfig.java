package dev.klingbot.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Quota defaults for servers that have not set their own, and the cost table.
 *
 * @param defaults what a new Discord server or Slack workspace starts with
 * @param costs units charged per task, by mode and output duration
 */
public record QuotaConfig(QuotaDefaults defaults, Costs costs) {

  public QuotaConfig {
    defaults = defaults == null ? QuotaDefaults.standard() : defaults;
    costs = costs == null ? Costs.standard() : costs;
  }

  public static QuotaConfig defaultConfig() {
    return new QuotaConfig(QuotaDefaults.standard(), Costs.standard());
  }

  /**
   * Per-server starting limits.
   *
   * @param dailyUnits units the whole server may spend per day (0 = edits disabled)
   * @param monthlyUnits units the whole server may spend per calendar month
   * @param userDailyUnits units one member may spend per day
   * @param maxConcurrentJobs edits of the server that may run at once
   * @param allowPro whether {@code pro} mode may be used
   * @param allowTenSeconds whether 10-second outputs may be made
   * @param timeZone the server's time zone for day and month boundaries
   */
  public record QuotaDefaults(
      int dailyUnits,
      int monthlyUnits,
      int userDailyUnits,
      int maxConcurrentJobs,
      boolean allowPro,
      boolean allowTenSeconds,
      String timeZone) {

    public QuotaDefaults {
      Check.range("daily-units", dailyUnits, 0, 1_000_000);
      Check.range("monthly-units", monthlyUnits, 0, 10_000_000);
      Check.range("user-daily-units", userDailyUnits, 0, 1_000_000);
      Check.range("max-concurrent-jobs", maxConcurrentJobs, 1, 1000);
      timeZone = Check.zone("time-zone", timeZone == null ? "UTC" : timeZone).getId();
    }

    public static QuotaDefaults standard() {
      return new QuotaDefaults(20, 300, 5, 3, true, true, "UTC");
    }
  }

  /** Units charged per task. */
  public record Costs(
      @JsonProperty("std-5s") int std5s,
      @JsonProperty("std-10s") int std10s,
      @JsonProperty("pro-5s") int pro5s,
      @JsonProperty("pro-10s") int pro10s) {

    public Costs {
      Check.range("std-5s", std5s, 0, 1000);
      Check.range("std-10s", std10s, 0, 1000);
      Check.range("pro-5s", pro5s, 0, 1000);
      Check.range("pro-10s", pro10s, 0, 1000);
    }

    public static Costs standard() {
      return new Costs(1, 2, 2, 4);
    }

    /** The cost of one task. */
    public int of(boolean pro, boolean tenSeconds) {
      if (pro) {
        return tenSeconds ? pro10s : pro5s;
      }
      return tenSeconds ? std10s : std5s;
    }
  }
}
