package dev.klingbot.core.quota;

import dev.klingbot.core.i18n.Messages;

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

  /** What the member has left of their own daily limit, whatever the server has left. */
  public int userOwnLeftToday() {
    return Math.max(0, userDailyLimit - userUsedToday);
  }

  /**
   * One line for the plan message, e.g. "you: 4 of 5 units left today · server: 17 of 20 today, 280
   * of 300 this month". Each number is its holder's own; when the server has less left than the
   * member, the line says that the server's remainder is what the member can spend.
   */
  public String describe() {
    int own = userOwnLeftToday();
    int server = serverLeftToday();
    return Messages.text(
        server < own ? "quota.usage.line.server.less" : "quota.usage.line",
        own,
        userDailyLimit,
        server,
        policy.dailyUnits(),
        Math.max(0, policy.monthlyUnits() - serverUsedThisMonth),
        policy.monthlyUnits());
  }
}
