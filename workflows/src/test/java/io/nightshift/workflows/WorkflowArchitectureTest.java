package io.nightshift.workflows;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.nightshift.workflows.agent.AgentWorkflowImpl;
import io.nightshift.workflows.agent.Transcripts;
import io.nightshift.workflows.dag.DagScheduler;
import io.nightshift.workflows.map.MapActivitiesImpl;
import io.nightshift.workflows.map.MapWorkflowImpl;
import io.nightshift.workflows.task.TaskWorkflowImpl;
import io.nightshift.workflows.task.placement.StepPlacer;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Workflow code is replayed: it must do no I/O and read no clock or randomness of its own (Temporal's
 * {@code Workflow.currentTimeMillis}, {@code Workflow.sleep} and {@code Workflow.newRandom} are the replay-safe
 * ones). What counts as workflow code is computed ({@link WorkflowCode}); core is imported too, since workflows run
 * core's placement and build its records.
 */
@AnalyzeClasses(packages = {"io.nightshift.workflows", "io.nightshift.core"},
    importOptions = ImportOption.DoNotIncludeTests.class)
class WorkflowArchitectureTest {
  /** Files, sockets, processes and pseudo-random numbers. */
  private static final DescribedPredicate<JavaClass> IO = resideInAnyPackage("java.nio.file..", "java.net..")
      .or(assignableTo(File.class)).or(assignableTo(FileDescriptor.class)).or(assignableTo(FileInputStream.class))
      .or(assignableTo(FileOutputStream.class)).or(assignableTo(FileReader.class)).or(assignableTo(FileWriter.class))
      .or(assignableTo(RandomAccessFile.class)).or(assignableTo(ProcessBuilder.class))
      .or(assignableTo(Process.class)).or(assignableTo(Random.class));

  private static final DescribedPredicate<JavaAccess<?>> CLOCK = DescribedPredicate.describe("clock", access -> {
    String owner = access.getTargetOwner().getName();
    String name = access.getName();
    return owner.equals("java.lang.Thread") && name.equals("sleep")
        || owner.equals("java.lang.System") && (name.equals("currentTimeMillis") || name.equals("nanoTime"))
        || owner.equals("java.lang.Math") && name.equals("random")
        || owner.equals("java.util.UUID") && name.equals("randomUUID")
        || owner.startsWith("java.time.") && name.equals("now");
  });

  private static final ArchCondition<JavaCodeUnit> DO_NO_IO_AND_READ_NO_CLOCK = new ArchCondition<>(
      "do no I/O (files, network, processes) and read no wall clock, sleep or random numbers of their own") {
    @Override
    public void check(JavaCodeUnit unit, ConditionEvents events) {
      for (JavaAccess<?> access : unit.getAccessesFromSelf()) {
        if (IO.test(access.getTargetOwner()) || CLOCK.test(access)) {
          events.add(SimpleConditionEvent.violated(unit, access.getDescription()));
        }
      }
      Stream.concat(unit.getRawParameterTypes().stream(), Stream.of(unit.getRawReturnType())).filter(IO)
          .forEach(type -> events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " takes or returns "
              + type.getName())));
    }
  };

  @ArchTest
  static void workflowCodeDoesNoIoAndReadsNoClockOfItsOwn(JavaClasses classes) {
    Set<JavaCodeUnit> workflowCode = WorkflowCode.of(classes);
    codeUnits().that(DescribedPredicate.describe("can run on a workflow's thread", workflowCode::contains))
        .should(DO_NO_IO_AND_READ_NO_CLOCK).check(classes);
  }

  @ArchTest
  static void workflowCodeReachesTheHelpersOfEachWorkflowButNoActivityImplementation(JavaClasses classes) {
    Set<String> owners = WorkflowCode.of(classes).stream().map(u -> u.getOwner().getName())
        .collect(Collectors.toSet());

    assertThat(owners).contains(TaskWorkflowImpl.class.getName(), MapWorkflowImpl.class.getName(),
        AgentWorkflowImpl.class.getName(), DagScheduler.class.getName(), StepPlacer.class.getName(),
        "io.nightshift.core.accelerator.placement.Placement");
    assertThat(owners).doesNotContain(MapActivitiesImpl.class.getName(), Transcripts.class.getName())
        .noneMatch(name -> name.startsWith("io.nightshift.workflows.activities.") && name.endsWith("Impl"));
  }

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles = slices().matching("io.nightshift.(**)").should().beFreeOfCycles();
}
