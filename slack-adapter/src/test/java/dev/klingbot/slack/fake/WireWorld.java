package dev.klingbot.slack.fake;

import dev.klingbot.core.Platform;
import dev.klingbot.core.testing.WorkflowFixture;

/**
 * What the wire tests run against: the real core with the Kling simulator (a quick {@link
 * WorkflowFixture}), the fake Slack, and the real bot between them through real Bolt. Closed
 * together, the bot first.
 */
final class WireWorld implements AutoCloseable {
  final WorkflowFixture fixture = WorkflowFixture.quick();
  final FakeSlack slack = new FakeSlack();
  final WireBot bot;

  /**
   * @param followTasks whether the core follows the Kling tasks of Slack edits to their end (off
   *     for tests that never start an edit)
   */
  WireWorld(WireBot.Mode mode, boolean followTasks) {
    try {
      if (followTasks) {
        fixture.workflow().runner().follow(Platform.SLACK).start();
      }
      bot =
          new WireBot(
              mode,
              slack,
              fixture.workflow().service(),
              fixture.admin(),
              fixture.chats,
              fixture.database);
    } catch (RuntimeException e) {
      slack.close();
      fixture.close();
      throw e;
    }
  }

  @Override
  public void close() {
    bot.close();
    slack.close();
    fixture.close();
  }
}
