package io.nightshift.runtime;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages of this module (roles, workers, backends, agents, models, planning, Temporal) depend on each other one
 * way only. The API role and the CLI are modules of their own built on this one (api/, cli/), so Maven's module
 * graph already keeps them out of here.
 */
@AnalyzeClasses(packages = "io.nightshift.runtime", importOptions = ImportOption.DoNotIncludeTests.class)
class RuntimeArchitectureTest {
  @ArchTest
  static final ArchRule packagesAreFreeOfCycles = slices().matching("io.nightshift.(**)").should().beFreeOfCycles();
}
