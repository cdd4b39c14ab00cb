package io.nightshift.bench;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The packages of this module (the benchmarks and the engine and baseline they measure) depend on each other one way only. */
@AnalyzeClasses(packages = "io.nightshift.bench", importOptions = ImportOption.DoNotIncludeTests.class)
class BenchArchitectureTest {
  @ArchTest
  static final ArchRule packagesAreFreeOfCycles = slices().matching("io.nightshift.(**)").should().beFreeOfCycles();
}
