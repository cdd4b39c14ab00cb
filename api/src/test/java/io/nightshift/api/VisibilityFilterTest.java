package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.nightshift.api.v1.ListTasksRequest;
import io.nightshift.api.v1.TaskState;
import org.junit.jupiter.api.Test;

/** The visibility-query clause a ListTasks filter becomes; what the server makes of it, TaskFiltersIT shows. */
class VisibilityFilterTest {
  @Test
  void shouldAskForEndedStatesByExecutionStatusAndRunningOnesByTheStateAttribute() {
    TaskFilter filter = TaskFilter.of(ListTasksRequest.newBuilder().addStates(TaskState.TASK_STATE_FAILED)
        .addStates(TaskState.TASK_STATE_PLANNING).addStates(TaskState.TASK_STATE_RUNNING).build());

    assertThat(VisibilityFilter.clause(filter, true)).contains("(ExecutionStatus IN ('Failed', 'Terminated',"
        + " 'TimedOut') OR (ExecutionStatus IN ('Running', 'ContinuedAsNew') AND (NightshiftState IN ('PLANNING',"
        + " 'RUNNING') OR NightshiftState IS NULL)))");
    assertThat(VisibilityFilter.clause(filter, false)).as("no search attributes: the rest is judged in Java")
        .contains("(ExecutionStatus IN ('Failed', 'Terminated', 'TimedOut') OR ExecutionStatus IN ('Running',"
            + " 'ContinuedAsNew'))");
  }

  @Test
  void shouldAskForEveryLabelThePipelineAndTheWindow() {
    TaskFilter filter = TaskFilter.of(ListTasksRequest.newBuilder().putLabels("team", "ml")
        .putLabels("example.com/tier", "gold").setPipeline("sample")
        .setCreatedAfter(Timestamp.newBuilder().setSeconds(1_796_000_000L))
        .setCreatedBefore(Timestamp.newBuilder().setSeconds(1_796_000_000L).setNanos(500_000_000)).build());

    assertThat(VisibilityFilter.clause(filter, true)).contains("NightshiftLabels = 'example.com/tier=gold' AND"
        + " NightshiftLabels = 'team=ml' AND NightshiftPipeline = 'sample' AND StartTime >= '2026-11-30T00:53:20Z'"
        + " AND StartTime < '2026-11-30T00:53:20.500Z'");
  }

  @Test
  void shouldLeaveOutOfTheQueryAPipelineNameThatCouldEndItsLiteral() {
    for (String hostile : new String[] {"x' OR WorkflowType = 'TaskWorkflow", "a\\", "why?", "say \"hi\"",
        "back`tick"}) {
      TaskFilter filter = TaskFilter.of(ListTasksRequest.newBuilder().setPipeline(hostile).build());

      assertThat(VisibilityFilter.clause(filter, true)).as(hostile).isEmpty();
    }
  }

  @Test
  void shouldAskForNothingWithoutFilters() {
    assertThat(VisibilityFilter.clause(TaskFilter.of(ListTasksRequest.getDefaultInstance()), true)).isEmpty();
  }
}
