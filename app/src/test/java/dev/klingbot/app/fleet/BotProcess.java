package dev.klingbot.app.fleet;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One {@code klingbot run} process of a {@link Fleet}, with its log file. */
public final class BotProcess {
  private final String name;
  private final Process process;
  private final Path log;
  private volatile boolean killed;

  BotProcess(String name, Process process, Path log) {
    this.name = requireNonNull(name, "name is null");
    this.process = requireNonNull(process, "process is null");
    this.log = requireNonNull(log, "log is null");
  }

  public String name() {
    return name;
  }

  public Process process() {
    return process;
  }

  /**
   * Whether a Kling call's {@code User-Agent} ({@code klingbot (<host>/<pid>/<random>)}) came from
   * this process.
   */
  public boolean madeCall(String caller) {
    return caller.contains("/" + process.pid() + "/");
  }

  /** SIGKILL: the process gets no chance to hand anything back. */
  public void kill() throws InterruptedException {
    killed = true;
    process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
  }

  public boolean killed() {
    return killed;
  }

  /** SIGTERM, then SIGKILL if it has not ended within 20 s. */
  void stop() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** The last lines of its output, for failure messages. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
