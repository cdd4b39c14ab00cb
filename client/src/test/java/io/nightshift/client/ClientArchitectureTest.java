package io.nightshift.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The Java client is a client of the API like one in any other language: the generated stubs ({@code
 * io.nightshift.api.v1}) and gRPC, nothing of the runtime, the engine or Temporal, so an application that embeds it
 * pulls in none of them (its pom names only proto and gRPC).
 */
@AnalyzeClasses(packages = "io.nightshift.client", importOptions = ImportOption.DoNotIncludeTests.class)
class ClientArchitectureTest {
  @ArchTest
  static final ArchRule clientUsesOnlyTheGeneratedStubsOfOurs = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("io.nightshift.runtime..", "io.nightshift.core..", "io.nightshift.workflows..",
          "io.nightshift.planners..", "io.nightshift.config..", "io.nightshift.api", "io.nightshift.api.ui..",
          "io.nightshift.cli..", "io.temporal..");

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles = slices().matching("io.nightshift.client.(**)").should()
      .beFreeOfCycles();
}
