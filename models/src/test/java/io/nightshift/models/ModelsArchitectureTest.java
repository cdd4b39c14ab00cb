package io.nightshift.models;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The packages of this module (ModelCall, endpoint, internal, resilience and failure) depend on each other one way only. */
@AnalyzeClasses(packages = "io.nightshift.models", importOptions = ImportOption.DoNotIncludeTests.class)
class ModelsArchitectureTest {
  @ArchTest
  static final ArchRule packagesAreFreeOfCycles = slices().matching("io.nightshift.(**)").should().beFreeOfCycles();
}
