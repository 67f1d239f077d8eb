package dev.klingbot.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The measured bot: a separate JVM ({@link LoadBot} on the app's jar) with its own heap limit. Its
 * stdout lines arrive on a queue; its stderr (the bot's log) goes to a file.
 */
final class BotProcess implements AutoCloseable {
  // USER_HZ: 100 on every Linux architecture the JDK runs on
  private static final long TICKS_PER_SECOND = 100;

  private final Process process;
  private final Path log;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final OutputStream commands;

  private BotProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
    this.commands = process.getOutputStream();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                lines.add("(stdout closed: " + e.getMessage() + ")");
              }
            },
            "bot-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@link LoadBot} with {@code jvmOptions} on {@code classpath}, configured by {@code env}.
   */
  static BotProcess start(
      List<String> jvmOptions, String classpath, Map<String, String> env, int slackPort, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(LoadBot.class.getName());
    command.add(Integer.toString(slackPort));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    builder.redirectError(log.toFile());
    return new BotProcess(builder.start(), log);
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** The first stdout line starting with {@code prefix}, waiting up to {@code timeout}. */
  String await(String prefix, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new IllegalStateException(
            "the bot did not print '" + prefix + "' in " + timeout + "; its log: " + log);
      }
      if (line.startsWith(prefix)) {
        return line;
      }
    }
  }

  /** A full garbage collection in the bot; returns the heap it still uses after it, in bytes. */
  long gc() throws IOException, InterruptedException {
    send("gc");
    String done = await("gc done", Duration.ofSeconds(60));
    return Long.parseLong(done.replaceAll(".*heap_used_bytes=(\\d+).*", "$1"));
  }

  /** Milliseconds the bot's JIT compilers have spent so far. */
  long compileMillis() throws IOException, InterruptedException {
    send("jit");
    String answer = await("jit ", Duration.ofSeconds(60));
    return Long.parseLong(answer.replaceAll(".*compile_ms=(\\d+).*", "$1"));
  }

  /** CPU time the bot's process has used so far (all threads, user and system). */
  Duration cpuTime() {
    return process
        .info()
        .totalCpuDuration()
        .orElseThrow(() -> new IllegalStateException("the bot's CPU time cannot be read"));
  }

  /**
   * CPU time of the bot's JIT compiler threads so far (Linux: {@code /proc/<pid>/task/*}, at the
   * kernel's tick resolution), or empty where that cannot be read.
   */
  java.util.Optional<Duration> compilerCpuTime() {
    Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
    if (!Files.isDirectory(tasks)) {
      return java.util.Optional.empty();
    }
    long ticks = 0;
    try (var threads = Files.list(tasks)) {
      for (Path thread : threads.toList()) {
        String stat;
        try {
          stat = Files.readString(thread.resolve("stat"));
        } catch (IOException e) {
          continue; // the thread ended
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (!name.contains("CompilerThre")) {
          continue;
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
      }
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND));
  }

  /** Whether the bot's log mentions an {@code OutOfMemoryError}. */
  boolean ranOutOfMemory() throws IOException {
    try (var stream = Files.lines(log, StandardCharsets.UTF_8)) {
      return stream.anyMatch(line -> line.contains("OutOfMemoryError"));
    }
  }

  Path log() {
    return log;
  }

  private void send(String command) throws IOException {
    commands.write((command + "\n").getBytes(StandardCharsets.UTF_8));
    commands.flush();
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      try {
        send("stop");
      } catch (IOException e) {
        // already gone
      }
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    }
  }
}
