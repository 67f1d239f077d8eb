package dev.klingbot.core.quota;

import java.time.LocalDate;
import java.util.List;

/**
 * Units spent by a server in a period (reserved and committed count; refunded do not).
 *
 * @param days one row per day that had edits, ascending
 * @param users one row per member, most units first
 */
public record UsageReport(
    LocalDate from,
    LocalDate to,
    int totalUnits,
    int totalEdits,
    int refundedEdits,
    List<Day> days,
    List<User> users) {

  public UsageReport {
    days = List.copyOf(days);
    users = List.copyOf(users);
  }

  /** A day's spending. */
  public record Day(LocalDate day, int units, int edits) {}

  /** A member's spending. */
  public record User(String userId, int units, int edits) {}
}
