package dev.klingbot.discord;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;

import dev.klingbot.core.testing.FrontEndRules;
import org.junit.jupiter.api.Test;

/**
 * The adapter maps Discord to the core's conversation and renders what comes back: it depends on
 * JDA and the core's public conversation API only, never on Kling, the workflow, the stores or
 * another front-end.
 */
class ArchitectureTest {
  @Test
  void theAdapterDependsOnJDAAndTheConversationApiOnly() {
    FrontEndRules.checkDependsOnlyOnTheConversationApi(
        "dev.klingbot.discord",
        resideInAnyPackage("net.dv8tion..")
            .or(nameMatching("dev\\.klingbot\\.core\\.quota\\.QuotaSetting")));
  }
}
