package dev.klingbot.core.testing;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rule every chat front-end keeps: it maps its platform to the core's conversation and renders
 * what comes back, depending on its platform's library and the core's public conversation API only,
 * never on Kling, the workflow, the stores or another front-end.
 */
public final class FrontEndRules {
  /**
   * The core's public conversation API, as an adapter may see it (with the messages: an adapter
   * says its own sentences through the same bundles).
   */
  public static final DescribedPredicate<JavaClass> CONVERSATION_API =
      resideInAnyPackage(
              "dev.klingbot.core",
              "dev.klingbot.core.chat..",
              "dev.klingbot.core.conversation..",
              "dev.klingbot.core.i18n..")
          .or(
              nameMatching(
                  "dev\\.klingbot\\.core\\.workflow\\.(EditException|MediaSource|Texts)(\\$.*)?"))
          .or(nameMatching("dev\\.klingbot\\.kling\\.(TaskMode|EditMode)"))
          .or(nameMatching("dev\\.klingbot\\.config\\..*"));

  private FrontEndRules() {}

  /**
   * Checks that the main classes of {@code adapterPackage} depend only on the JDK, SLF4J, their own
   * package, the conversation API and what {@code alsoAllowed} lets through (the platform's
   * library).
   */
  public static void checkDependsOnlyOnTheConversationApi(
      String adapterPackage, DescribedPredicate<? super JavaClass> alsoAllowed) {
    classes()
        .should()
        .onlyDependOnClassesThat(
            resideInAnyPackage("java..", "javax..", "org.slf4j..", adapterPackage + "..")
                .or(CONVERSATION_API)
                .or(alsoAllowed))
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages(adapterPackage));
  }
}
