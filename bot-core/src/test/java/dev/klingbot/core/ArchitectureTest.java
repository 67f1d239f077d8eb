package dev.klingbot.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core stays platform-neutral: no Discord (JDA) or Slack (Bolt) type may appear in it. */
class ArchitectureTest {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.klingbot.core");

  @Test
  void coreNeverUsesJdaOrBolt() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "net.dv8tion..",
            "com.slack..",
            "dev.klingbot.discord..",
            "dev.klingbot.slack..",
            "dev.klingbot.app..")
        .check(CORE);
  }

  @Test
  void onlyTheWorkflowTalksToTheKlingClient() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.klingbot.core.instruction..",
            "dev.klingbot.core.media..",
            "dev.klingbot.core.quota..",
            "dev.klingbot.core.chat..",
            "dev.klingbot.core.relay..")
        .should()
        .dependOnClassesThat()
        .haveSimpleName("KlingClient")
        .check(CORE);
  }
}
