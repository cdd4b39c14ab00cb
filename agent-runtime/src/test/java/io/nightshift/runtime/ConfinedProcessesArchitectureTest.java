package io.nightshift.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.nightshift.core.process.ToolEnvironment;

/**
 * No process starts with the runtime's whole environment: every method (or lambda) of the runtime's modules that
 * creates a {@link ProcessBuilder} also confines it with {@link ToolEnvironment} (itself, or through a helper of its
 * own class that does), and nothing uses
 * {@code Runtime.exec}, which cannot be confined. This module's classpath holds every module the runtime runs (core,
 * tools, models, workflows, planners, accelerators, provisioning, config), so the rule covers them all.
 */
@AnalyzeClasses(packages = "io.nightshift", importOptions = ImportOption.DoNotIncludeTests.class)
class ConfinedProcessesArchitectureTest {
  @ArchTest
  static final ArchRule everyProcessBuilderIsConfined = classes().should(confineEveryProcessBuilderTheyCreate());

  /** Calls {@code ToolEnvironment.confine} itself (a caller may also go through one helper of its own class). */
  private static boolean confinesDirectly(JavaCodeUnit unit) {
    return unit.getMethodCallsFromSelf().stream()
        .anyMatch(c -> c.getTargetOwner().isEquivalentTo(ToolEnvironment.class) && c.getName().equals("confine"));
  }

  private static ArchCondition<JavaClass> confineEveryProcessBuilderTheyCreate() {
    return new ArchCondition<>("confine every ProcessBuilder they create with ToolEnvironment, never Runtime.exec") {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        for (JavaCodeUnit unit : javaClass.getCodeUnits()) {
          boolean creates = unit.getConstructorCallsFromSelf().stream()
              .anyMatch(c -> c.getTargetOwner().isEquivalentTo(ProcessBuilder.class));
          boolean confines = confinesDirectly(unit) || unit.getMethodCallsFromSelf().stream()
              .filter(c -> c.getTargetOwner().equals(javaClass))
              .anyMatch(c -> c.getTarget().resolveMember().map(ConfinedProcessesArchitectureTest::confinesDirectly)
                  .orElse(false));
          if (creates && !confines) {
            events.add(SimpleConditionEvent.violated(unit, unit.getFullName()
                + " creates a ProcessBuilder without ToolEnvironment.confine: the process would inherit the"
                + " runtime's whole environment, model endpoints' API keys included"));
          }
          if (unit.getMethodCallsFromSelf().stream().anyMatch(c -> c.getTargetOwner().isEquivalentTo(Runtime.class)
              && c.getName().equals("exec"))) {
            events.add(SimpleConditionEvent.violated(unit, unit.getFullName()
                + " calls Runtime.exec, which starts a process with the runtime's whole environment"));
          }
        }
      }
    };
  }
}
