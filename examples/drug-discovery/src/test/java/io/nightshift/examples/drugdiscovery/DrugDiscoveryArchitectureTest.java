package io.nightshift.examples.drugdiscovery;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * An example is what a third party writes: tools against core's SPI (Tool, ToolProvider, ToolContext, tables and
 * artifacts), found by ServiceLoader, with nothing of the runtime, the engine, the planners or the built-in tools.
 * (Its tests may use the planner's parser to check the shipped pipelines; the rule reads main code only.)
 */
@AnalyzeClasses(packages = "io.nightshift.examples", importOptions = ImportOption.DoNotIncludeTests.class)
class DrugDiscoveryArchitectureTest {
  @ArchTest
  static final ArchRule examplesDependOnNothingOfOursButCore = noClasses().should().dependOnClassesThat(
      resideInAPackage("io.nightshift..").and(DescribedPredicate.not(
          resideInAnyPackage("io.nightshift.core..", "io.nightshift.examples.."))));

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles = slices().matching("io.nightshift.(**)").should().beFreeOfCycles();
}
