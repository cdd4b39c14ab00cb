package io.nightshift.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The CLI has two sides. The commands that run roles ({@code dev}, {@code worker}, {@code api}, {@code temporal},
 * {@code demo}, {@code provision}), {@code config}, which reads their flags, their log format and the composition root assemble the runtime and the API role; {@code audit}
 * and {@code admin token} read and change the runtime's data directory themselves, since they work when no
 * runtime runs, and {@code admin ui-link} leaves a login link there for the running UI; {@code admin setup} talks
 * to a Temporal cluster, with the runtime's own Temporal flags ({@code TemporalLinkOptions}), as an operator. Every other class
 * (the client commands and what they print) is a client of a running runtime: it reaches it through the Java
 * client ({@code io.nightshift.client}, over the generated gRPC stubs) alone, like any application would, never
 * through the runtime, Temporal or the engine.
 */
@AnalyzeClasses(packages = "io.nightshift.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {
  /** The classes that start roles or read their data, with their nested and anonymous classes. */
  private static final Set<String> RUN_ROLES = Set.of(NightshiftProcess.class.getName(), ServeCommand.class.getName(),
      ServerOptions.class.getName(), DemoCommand.class.getName(), ProvisionCommand.class.getName(),
      AuditCommand.class.getName(), TokenCommand.class.getName(), UiLinkCommand.class.getName(),
      LogOptions.class.getName(), TemporalLinkOptions.class.getName(), SetupCommand.class.getName(),
      ConfigCommand.class.getName());

  private static final DescribedPredicate<JavaClass> CLIENT_SIDE = DescribedPredicate.describe(
      "are not the commands that run roles or read their data, or the composition root",
      c -> !RUN_ROLES.contains(outermost(c).getName()));

  @ArchTest
  static final ArchRule clientsReachTheRuntimeOnlyThroughTheGeneratedStubs = noClasses()
      .that(CLIENT_SIDE)
      .should().dependOnClassesThat().resideInAnyPackage("io.nightshift.runtime..", "io.nightshift.workflows..",
          "io.nightshift.provisioning..", "io.nightshift.core..", "io.temporal..")
      .orShould().dependOnClassesThat().resideInAPackage("io.nightshift.api");

  /** The commands call the API through NightshiftClient (its deadline, retries and resuming watch), not raw stubs. */
  @ArchTest
  static final ArchRule commandsCallTheApiThroughTheJavaClient = noClasses().should().dependOnClassesThat().haveNameMatching("io\\.nightshift\\.api\\.v1\\..*Grpc(\\$.*)?");

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles = slices().matching("io.nightshift.(**)").should().beFreeOfCycles();

  private static JavaClass outermost(JavaClass c) {
    JavaClass top = c;
    while (top.getEnclosingClass().isPresent()) {
      top = top.getEnclosingClass().get();
    }
    return top;
  }
}
