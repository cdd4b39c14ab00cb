package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.nightshift.api.v1.Task;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.common.converter.DefaultDataConverter;
import org.junit.jupiter.api.Test;

/**
 * A task's created_at is the instant ListTasks' created_after/created_before compare: the server's start time of its
 * workflow. The workflow's own clock starts at its first workflow task, which a busy worker may run after a task
 * submitted later has started; a fresh clone's CI run listed a task on the wrong side of a window that way.
 */
class TaskCreatedAtTest {
  private static final Timestamp STARTED = Timestamp.newBuilder().setSeconds(1_796_000_000L).setNanos(1_000).build();

  @Test
  void shouldTakeTheServersStartTimeOverTheWorkflowsFirstTask() {
    Task.Builder fromProgressQuery = Task.newBuilder()
        .setCreatedAt(Timestamp.newBuilder().setSeconds(STARTED.getSeconds() + 2));

    Task merged = TaskReader.merge(fromProgressQuery, execution(), DefaultDataConverter.STANDARD_INSTANCE).build();

    assertThat(merged.getCreatedAt()).isEqualTo(STARTED);
  }

  @Test
  void shouldFillTheStartTimeWhereTheWorkflowSaidNothing() {
    Task merged = TaskReader.merge(Task.newBuilder(), execution(), DefaultDataConverter.STANDARD_INSTANCE).build();

    assertThat(merged.getCreatedAt()).isEqualTo(STARTED);
  }

  private static WorkflowExecutionInfo execution() {
    return WorkflowExecutionInfo.newBuilder()
        .setExecution(WorkflowExecution.newBuilder().setWorkflowId("task-1").setRunId("r"))
        .setStartTime(STARTED).build();
  }
}
