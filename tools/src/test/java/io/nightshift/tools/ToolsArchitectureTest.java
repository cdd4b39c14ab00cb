package io.nightshift.tools;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The packages of this module (the registry, the MCP tool source and each family of built-in tools) depend on each other one way only. */
@AnalyzeClasses(packages = "io.nightshift.tools", importOptions = ImportOption.DoNotIncludeTests.class)
class ToolsArchitectureTest {
  @ArchTest
  static final ArchRule packagesAreFreeOfCycles = slices().matching("io.nightshift.(**)").should().beFreeOfCycles();
}
