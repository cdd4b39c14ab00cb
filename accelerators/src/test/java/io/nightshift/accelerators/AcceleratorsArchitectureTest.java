package io.nightshift.accelerators;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The packages of this module (each backend and the shared process machinery in internal) depend on each other one way only. */
@AnalyzeClasses(packages = "io.nightshift.accelerators", importOptions = ImportOption.DoNotIncludeTests.class)
class AcceleratorsArchitectureTest {
  @ArchTest
  static final ArchRule packagesAreFreeOfCycles = slices().matching("io.nightshift.(**)").should().beFreeOfCycles();
}
