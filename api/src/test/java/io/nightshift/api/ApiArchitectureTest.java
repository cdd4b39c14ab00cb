package io.nightshift.api;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The API role sits on the runtime and below the CLI: it uses the runtime's shared parts, the engine's workflow
 * interfaces and the planners, never the CLI. Its UI is a client of the API like the CLI: the generated stubs and
 * the Java client's shared helpers ({@code io.nightshift.client}), nothing of the runtime or the engine. (The
 * generated {@code io.nightshift.api.v1} classes are imported too, since they share the package prefix; they depend
 * on nothing of ours.)
 */
@AnalyzeClasses(packages = "io.nightshift.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiArchitectureTest {
  @ArchTest
  static final ArchRule apiDependsOnNothingOfTheCli = noClasses().should().dependOnClassesThat()
      .resideInAPackage("io.nightshift.cli..");

  /** What api/README.md says it may use; models' snapshots come through agent-runtime, the pom does not name models. */
  @ArchTest
  static final ArchRule apiUsesOfOursOnlyTheRuntimeCoreEngineAndPlanners = classes().should().onlyDependOnClassesThat(
      resideOutsideOfPackage("io.nightshift..").or(resideInAnyPackage("io.nightshift.api..",
          "io.nightshift.runtime..", "io.nightshift.core..", "io.nightshift.workflows..", "io.nightshift.planners..",
          "io.nightshift.models.resilience..", "io.nightshift.client..")));

  @ArchTest
  static final ArchRule uiTalksToTheApiOnlyThroughItsStubsAndTheJavaClient = noClasses()
      .that().resideInAPackage("io.nightshift.api.ui..")
      .should().dependOnClassesThat(resideInAnyPackage("io.nightshift..", "io.temporal..").and(not(
          resideInAnyPackage("io.nightshift.api.v1..", "io.nightshift.api.ui..", "io.nightshift.client.."))));

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles = slices().matching("io.nightshift.(**)").should().beFreeOfCycles();
}
