package dev.klingbot.slack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The adapter only talks to the core's service layer: never to Kling, the stores or the app. */
class ArchitectureTest {
  private static final JavaClasses ADAPTER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(location -> !location.contains("/test-classes/"))
          .importPackages("dev.klingbot.slack");

  @Test
  void theAdapterNeverCallsKlingOrTheStores() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveSimpleNameContaining("KlingClient")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.klingbot.core.store..",
            "dev.klingbot.core.relay..",
            "dev.klingbot.simulator..",
            "dev.klingbot.discord..",
            "dev.klingbot.app..")
        .check(ADAPTER);
  }
}
