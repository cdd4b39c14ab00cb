package io.nightshift.provisioning;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The packages of this module (Python environments, the Temporal CLI and llama.cpp) depend on each other one way only. */
@AnalyzeClasses(packages = "io.nightshift.provisioning", importOptions = ImportOption.DoNotIncludeTests.class)
class ProvisioningArchitectureTest {
  @ArchTest
  static final ArchRule packagesAreFreeOfCycles = slices().matching("io.nightshift.(**)").should().beFreeOfCycles();
}
