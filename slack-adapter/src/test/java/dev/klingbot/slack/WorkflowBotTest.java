package dev.klingbot.slack;

import dev.klingbot.core.testing.WorkflowFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tests of whole conversations: the real workflow (the Kling simulator over HTTP) and the bot on a
 * fake Slack, opened before each test and closed after it.
 */
abstract class WorkflowBotTest {
  WorkflowFixture fixture;
  TestBot bot;

  @BeforeEach
  void openWorkflowAndBot() {
    fixture = WorkflowFixture.quick();
    beforeTheBot();
    bot = new TestBot(fixture.workflow().service(), fixture.admin(), fixture.chats);
  }

  /** What a test class starts on the workflow before the bot is there (nothing by default). */
  void beforeTheBot() {}

  @AfterEach
  void closeBotAndWorkflow() {
    if (bot != null) {
      bot.close();
    }
    if (fixture != null) {
      fixture.close();
    }
  }
}
