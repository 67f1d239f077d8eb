package dev.klingbot.slack.fake;

import dev.klingbot.core.testing.WorkflowFixture;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/**
 * The base of the wire tests that run each case in Socket Mode and in HTTP mode: a case calls
 * {@link #open} with its mode, and what it opened is closed after it.
 */
abstract class BothModesTest {
  static final Duration WAIT = Duration.ofSeconds(60);

  /** The timestamp of the mention that starts the edit; its thread's id. */
  static final String MENTION_TS = "1700000000.000100";

  WorkflowFixture fixture;
  FakeSlack slack;
  WireBot bot;
  private WireWorld world;

  /**
   * Starts the core (following Slack's Kling tasks), the fake Slack and the bot in {@code mode}.
   */
  void open(WireBot.Mode mode) {
    world = new WireWorld(mode, true);
    fixture = world.fixture;
    slack = world.slack;
    bot = world.bot;
  }

  @AfterEach
  void close() {
    if (world != null) {
      world.close();
    }
  }
}
