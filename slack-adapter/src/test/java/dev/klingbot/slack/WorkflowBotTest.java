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
    bot = new TestBot(fixture.workflow().service(), fixture.admin(), fixture.chats);
  }

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
