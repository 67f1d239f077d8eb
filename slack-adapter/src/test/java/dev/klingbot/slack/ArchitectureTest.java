package dev.klingbot.slack;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;

import dev.klingbot.core.testing.FrontEndRules;
import org.junit.jupiter.api.Test;

/**
 * The adapter maps Slack to the core's conversation and renders what comes back: it depends on Bolt
 * and the core's public conversation API only, never on Kling, the workflow, the stores or another
 * front-end.
 */
class ArchitectureTest {
  @Test
  void theAdapterDependsOnBoltAndTheConversationApiOnly() {
    FrontEndRules.checkDependsOnlyOnTheConversationApi(
        "dev.klingbot.slack", resideInAnyPackage("com.slack..", "com.google.gson..", "okhttp3.."));
  }
}
