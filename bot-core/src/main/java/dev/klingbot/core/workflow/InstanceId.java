package dev.klingbot.core.workflow;

import dev.klingbot.core.edit.EditIds;
import java.net.InetAddress;
import java.util.Optional;

/**
 * The name a bot process uses for its job leases: {@code <host>/<pid>/<random>}. A process that
 * crashed leaves its leases behind; another process on the same host can see that the pid is gone
 * and take the jobs at once instead of waiting for the leases to run out.
 */
public final class InstanceId {
  private InstanceId() {}

  /** A fresh id for this process. */
  public static String create() {
    return localHost()
        + "/"
        + ProcessHandle.current().pid()
        + "/"
        + EditIds.secret().substring(0, 6);
  }

  /** Whether {@code id} names a process on this host that no longer runs. */
  public static boolean isDeadHere(String id) {
    String[] parts = id.split("/");
    if (parts.length != 3 || !parts[0].equals(localHost())) {
      return false;
    }
    Optional<Long> pid = parsePid(parts[1]);
    return pid.isPresent()
        && pid.get() != ProcessHandle.current().pid()
        && ProcessHandle.of(pid.get()).map(handle -> !handle.isAlive()).orElse(true);
  }

  private static Optional<Long> parsePid(String text) {
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String localHost() {
    try {
      return InetAddress.getLocalHost().getHostName().replace('/', '_');
    } catch (java.io.IOException e) {
      return "localhost";
    }
  }
}
