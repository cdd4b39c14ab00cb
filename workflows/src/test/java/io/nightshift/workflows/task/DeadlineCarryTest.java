package io.nightshift.workflows.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.pipeline.PlacementSpec;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.Requirements;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.workflows.activities.StepActivitiesImpl;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.task.placement.DeadlineReport;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task's deadline status (what the last placement against its plan's deadline found) survives continue-as-new:
 * the next run carries the report instead of starting over with "no step with an estimate placed yet".
 */
class DeadlineCarryTest {
  private static final String ID = "deadline-carry";
  /** Past the placed step's events, short of the whole chain's: the task continues as new once it has placed. */
  private static final int HISTORY_BUDGET = 30;
  private final long deadline = System.currentTimeMillis() + Duration.ofDays(30).toMillis();

  @Test
  void shouldKeepTheDeadlineReportAfterTheTaskContinuesAsNew(@TempDir Path dir) throws Exception {
    FileArtifactStore store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    TextTools tools = new TextTools();
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      TestWorkers.control(env, plan(),
          new StepActivitiesImpl(tools::find, ToolFiles.withoutInputs(store, dir.resolve("scratch")), 200));
      TestWorkers.pool(env, TestWorkers.cpu("cpu", 1, 1, 1.0)).registerActivitiesImplementations(new StepActivitiesImpl(
          tools::find, ToolFiles.withoutInputs(store, dir.resolve("scratch-cpu")), 200, new UnitGate("cpu", 1)));
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      TaskWorkflow wf = TestWorkers.task(env, ID);
      WorkflowClient.start(wf::run, TaskInput.builder(ID, "g").pipeline(ID, ID).pools(List.of("cpu"))
          .historyBudget(HISTORY_BUDGET).build());
      String firstRun = WorkflowStub.fromTyped(wf).getExecution().getRunId();
      client.newUntypedWorkflowStub(ID).getResult(TaskResult.class);

      String continuedFrom = client.fetchHistory(ID).getEvents().get(0).getWorkflowExecutionStartedEventAttributes()
          .getContinuedExecutionRunId();
      assertThat(continuedFrom).as("the last run continued as new from an earlier one").isNotEmpty();
      Optional<DeadlineReport> placed = client.newWorkflowStub(TaskWorkflow.class, ID, Optional.of(firstRun))
          .progress().deadline();
      assertThat(placed).hasValueSatisfying(r -> assertThat(r.detail()).startsWith("train: "));
      assertThat(wf.progress().deadline()).isEqualTo(placed);
    }
  }

  /** A step placed against the deadline by its estimate, then a chain of steps on the control workers. */
  private Plan plan() {
    List<PlannedStep> steps = new ArrayList<>();
    steps.add(new PlannedStep("train", StepKind.TOOL, "text.emit", Map.of("text", "model"), List.of(),
        StepPolicy.DEFAULT, null, 0, null, new Requirements("cpu", 1, 0, "", 0, 3600), null, false));
    for (int i = 1; i <= 8; i++) {
      String before = i == 1 ? "train" : "s" + (i - 1);
      steps.add(PlannedStep.tool("s" + i, "text.upper", Map.of("input", "${steps." + before + ".output}"),
          List.of(before)));
    }
    return new Plan(ID, 1, Map.of(), steps, new PlacementSpec("cheapest", null, deadline), null);
  }
}
