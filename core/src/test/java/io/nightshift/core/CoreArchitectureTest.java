package io.nightshift.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Plug-ins compile against core alone, so core must stay a small, stable surface with no library but SLF4J. */
@AnalyzeClasses(packages = "io.nightshift.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {
  // javax.crypto is the JDK's own cipher API (java.base), not a library: core seals artifacts with it
  @ArchTest
  static final ArchRule coreDependsOnNothingOfOursAndNoLibraryButSlf4j = classes().should().onlyDependOnClassesThat()
      .resideInAnyPackage("io.nightshift.core..", "java..", "javax.crypto..", "org.slf4j..");

  @ArchTest
  static final ArchRule corePackagesAreFreeOfCycles = slices().matching("io.nightshift.(**)").should().beFreeOfCycles();
}
