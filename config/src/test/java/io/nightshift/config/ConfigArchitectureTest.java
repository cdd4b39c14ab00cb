package io.nightshift.config;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.stream.Stream;

/** The reader is shared by planners and agent-runtime: it depends on nothing of theirs, and keeps SnakeYAML inside. */
@AnalyzeClasses(packages = "io.nightshift.config", importOptions = ImportOption.DoNotIncludeTests.class)
class ConfigArchitectureTest {
  @ArchTest
  static final ArchRule configDependsOnNothingOfOursAndNoLibraryButSnakeYaml = classes().should()
      .onlyDependOnClassesThat().resideInAnyPackage("io.nightshift.config..", "java..", "org.yaml.snakeyaml..");

  @ArchTest
  static final ArchRule noPublicMethodTakesOrReturnsASnakeYamlType = codeUnits().that().arePublic()
      .and().areDeclaredInClassesThat().arePublic().should(new ArchCondition<JavaCodeUnit>(
          "take or return no SnakeYAML type, so that callers never depend on it") {
        @Override
        public void check(JavaCodeUnit unit, ConditionEvents events) {
          Stream.concat(unit.getRawParameterTypes().stream(), Stream.of(unit.getRawReturnType()))
              .filter(type -> type.getPackageName().startsWith("org.yaml.snakeyaml"))
              .map(JavaClass::getName)
              .forEach(type -> events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes " + type)));
        }
      });
}
