package dev.klingbot.core.quota;

/**
 * Where a server and a member stand today.
 *
 * @param running edits of the server with units reserved (submitted, not yet finished)
 */
public record QuotaUsage(
    QuotaPolicy policy,
    int userDailyLimit,
    int serverUsedToday,
    int serverUsedThisMonth,
    int userUsedToday,
    int running) {

  public int serverLeftToday() {
    return Math.max(
        0,
        Math.min(
            policy.dailyUnits() - serverUsedToday, policy.monthlyUnits() - serverUsedThisMonth));
  }

  public int userLeftToday() {
    return Math.max(0, Math.min(userDailyLimit - userUsedToday, serverLeftToday()));
  }

  /** One line for the plan message, e.g. "you: 4 of 5 units left today · server: 17 of 20". */
  public String describe() {
    return "you: "
        + userLeftToday()
        + " of "
        + userDailyLimit
        + " units left today · server: "
        + serverLeftToday()
        + " of "
        + policy.dailyUnits()
        + " today, "
        + Math.max(0, policy.monthlyUnits() - serverUsedThisMonth)
        + " of "
        + policy.monthlyUnits()
        + " this month";
  }
}
