package io.nightshift.api;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskState;
import io.nightshift.workflows.task.TaskProgress;
import io.nightshift.workflows.task.TaskWorkflow;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.common.converter.DataConverter;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a task's view: Temporal's own record of the execution (status, times, memo) merged with the workflow's
 * progress query (steps, outputs). The execution status wins for the final state, since a terminated or
 * timed-out workflow never got to say so itself. Every read is in a {@link TenantScope}: a task outside it is
 * NOT_FOUND with the very message an unknown id gets.
 */
final class TaskReader {
  static final String WORKFLOW_TYPE = "TaskWorkflow";
  static final String MEMO_GOAL = "goal";
  static final String MEMO_PIPELINE = "pipeline";
  /** A forked task's source task and step (ForkTask); absent from submitted tasks. */
  static final String MEMO_FORKED_FROM = "forked_from";
  static final String MEMO_FORKED_FROM_STEP = "forked_from_step";
  private static final Logger log = LoggerFactory.getLogger(TaskReader.class);

  private final WorkflowClient client;

  TaskReader(WorkflowClient client) {
    this.client = client;
  }

  /** @throws StatusRuntimeException NOT_FOUND for an unknown task or one outside {@code scope} */
  Task get(String taskId, TenantScope scope) {
    DescribeWorkflowExecutionResponse described = describeExecution(taskId, scope);
    Task.Builder view = progress(taskId).map(TaskViews::fromProgress).orElseGet(Task::newBuilder);
    StepBeats.apply(view, StepBeats.of(described.getPendingActivitiesList(), converter()));
    LiveAttempts.apply(view, LiveAttempts.of(described.getPendingActivitiesList(), converter()));
    MapItemReads.apply(client, view.setId(taskId));
    return merge(view, described.getWorkflowExecutionInfo(), converter()).build();
  }

  /** The client's converter: it opens what the deployment's workers sealed (memo, heartbeats). */
  DataConverter converter() {
    return client.getOptions().getDataConverter();
  }

  /** @throws StatusRuntimeException NOT_FOUND for an unknown task or one outside {@code scope} */
  WorkflowExecutionInfo describe(String taskId, TenantScope scope) {
    return describeExecution(taskId, scope).getWorkflowExecutionInfo();
  }

  private DescribeWorkflowExecutionResponse describeExecution(String taskId, TenantScope scope) {
    try {
      DescribeWorkflowExecutionResponse described = client.getWorkflowServiceStubs().blockingStub()
          .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
              .setNamespace(client.getOptions().getNamespace())
              .setExecution(WorkflowExecution.newBuilder().setWorkflowId(taskId))
              .build());
      WorkflowExecutionInfo info = described.getWorkflowExecutionInfo();
      if (!WORKFLOW_TYPE.equals(info.getType().getName()) || !scope.sees(info, converter())) {
        throw ApiErrors.notFound(taskId);
      }
      return described;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND || e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
        throw ApiErrors.notFound(taskId);
      }
      throw e;
    }
  }

  private Optional<TaskProgress> progress(String taskId) {
    try {
      return Optional.ofNullable(client.newWorkflowStub(TaskWorkflow.class, taskId).progress());
    } catch (WorkflowException | StatusRuntimeException e) {
      if (CallDeadlines.isOver()) {
        throw CallDeadlines.ended(); // the query stopped with the call: no view without its steps
      }
      log.debug("progress query of {} failed: {}", taskId, e.toString());
      return Optional.empty();
    }
  }

  /** Fills what the execution record knows and the progress query may not (or may not be able to) say. */
  static Task.Builder merge(Task.Builder view, WorkflowExecutionInfo info, DataConverter converter) {
    view.setId(info.getExecution().getWorkflowId());
    Map<String, Payload> memo = info.getMemo().getFieldsMap();
    if (view.getGoal().isEmpty()) {
      view.setGoal(memoString(memo, MEMO_GOAL, converter));
    }
    if (view.getPipeline().isEmpty()) {
      view.setPipeline(memoString(memo, MEMO_PIPELINE, converter));
    }
    view.setForkedFrom(memoString(memo, MEMO_FORKED_FROM, converter))
        .setForkedFromStep(memoString(memo, MEMO_FORKED_FROM_STEP, converter));
    if (view.getLabelsCount() == 0) {
      view.putAllLabels(TaskLabels.fromMemo(memo, converter));
    }
    if (info.hasStartTime()) {
      // the server's start time, not the workflow's first task time: created_after/created_before compare the
      // former, and a busy worker may run a task's first workflow task after a later-submitted task has started
      view.setCreatedAt(info.getStartTime());
    }
    if (info.hasCloseTime() && info.getCloseTime().getSeconds() > 0) {
      view.setEndedAt(info.getCloseTime());
      if (!view.hasUpdatedAt()) {
        view.setUpdatedAt(info.getCloseTime());
      }
    }
    TaskState fromStatus = stateOf(info.getStatus());
    if (fromStatus != null) {
      view.setState(fromStatus);
      if (fromStatus == TaskState.TASK_STATE_FAILED && view.getError().isEmpty()) {
        view.setError("workflow " + info.getStatus().name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase());
      }
    } else if (view.getState() == TaskState.TASK_STATE_UNSPECIFIED) {
      view.setState(TaskState.TASK_STATE_PLANNING);
    }
    return view;
  }

  /** The final state a closed execution implies; null while it runs. */
  static TaskState stateOf(WorkflowExecutionStatus status) {
    return switch (status) {
      case WORKFLOW_EXECUTION_STATUS_COMPLETED -> TaskState.TASK_STATE_SUCCEEDED;
      case WORKFLOW_EXECUTION_STATUS_CANCELED -> TaskState.TASK_STATE_CANCELLED;
      case WORKFLOW_EXECUTION_STATUS_FAILED, WORKFLOW_EXECUTION_STATUS_TERMINATED,
          WORKFLOW_EXECUTION_STATUS_TIMED_OUT -> TaskState.TASK_STATE_FAILED;
      default -> null;
    };
  }

  /** A memo entry as text; the memo is sealed like every other payload, so the client's converter opens it. */
  static String memoString(Map<String, Payload> memo, String key, DataConverter converter) {
    Payload p = memo.get(key);
    return p == null ? "" : converter.fromPayload(p, String.class, String.class);
  }
}
