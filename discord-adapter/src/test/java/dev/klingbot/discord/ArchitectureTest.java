package dev.klingbot.discord;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The adapter maps Discord to the core's conversation and renders what comes back: it depends on
 * JDA and the core's public conversation API only, never on Kling, the workflow, the stores or
 * another front-end.
 */
class ArchitectureTest {
  private static final JavaClasses ADAPTER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(location -> !location.contains("/test-classes/"))
          .importPackages("dev.klingbot.discord");

  /** The core's public conversation API, as an adapter may see it. */
  static final DescribedPredicate<JavaClass> CONVERSATION_API =
      resideInAnyPackage(
              "dev.klingbot.core", "dev.klingbot.core.chat..", "dev.klingbot.core.conversation..")
          .or(
              nameMatching(
                  "dev\\.klingbot\\.core\\.workflow\\.(EditException|MediaSource|Texts)(\\$.*)?"))
          .or(nameMatching("dev\\.klingbot\\.kling\\.(TaskMode|EditMode)"))
          .or(nameMatching("dev\\.klingbot\\.config\\..*"))
          .or(nameMatching("dev\\.klingbot\\.core\\.quota\\.QuotaSetting"));

  @Test
  void theAdapterDependsOnJDAAndTheConversationApiOnly() {
    classes()
        .should()
        .onlyDependOnClassesThat(
            resideInAnyPackage(
                    "java..", "javax..", "org.slf4j..", "net.dv8tion..", "dev.klingbot.discord..")
                .or(CONVERSATION_API))
        .check(ADAPTER);
  }
}
