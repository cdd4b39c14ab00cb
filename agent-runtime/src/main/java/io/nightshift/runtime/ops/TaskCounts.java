package io.nightshift.runtime.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.nightshift.runtime.temporal.TemporalConnection;
import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.task.TaskSearchAttributes;
import io.nightshift.workflows.task.TaskState;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.CountWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Tasks by state, approvals waiting, and the backlog of each task queue, asked of Temporal. Counted in the
 * visibility store rather than from transitions this process saw: counters would start from zero at each restart,
 * and would see only the tasks whose workflow tasks ran here, while visibility holds every task of the namespace
 * whichever process ran it. Every API process reports the same figures; dashboards take their max.
 */
final class TaskCounts {
  private static final long DEADLINE_MILLIS = 2_000;

  private final TemporalConnection temporal;
  private final String namespace;
  private final List<String> queues;
  private final SampledGauge tasks;
  private final SampledGauge approvals;
  private final SampledGauge backlog;

  /** @param poolQueues the task queues of the configured pools, beside the control queue */
  TaskCounts(MeterRegistry registry, TemporalConnection temporal, List<String> poolQueues) {
    this.temporal = temporal;
    this.namespace = temporal.client().getOptions().getNamespace();
    this.queues = Stream.concat(Stream.of(TaskQueues.CONTROL), poolQueues.stream())
        .toList();
    this.tasks = new SampledGauge(registry, MetricNames.TASKS, "tasks by state, from Temporal's visibility store");
    this.approvals = new SampledGauge(registry, MetricNames.APPROVALS_WAITING,
        "tasks with a step waiting for a person's decision");
    this.backlog = new SampledGauge(registry, MetricNames.QUEUE_BACKLOG,
        "tasks waiting in a Temporal task queue (approximate)");
  }

  /** Asks once; skipped while Temporal does not answer, so the last figures stay until it does. */
  void sample() {
    if (!temporal.reachability().state().reachable()) {
      return;
    }
    WorkflowServiceBlockingStub stub = temporal.client().getWorkflowServiceStubs().blockingStub();
    if (temporal.searchAttributes()) {
      Map<Tags, Long> byState = new LinkedHashMap<>();
      for (TaskState state : TaskState.values()) {
        byState.put(Tags.of("state", state.name()), count(stub, state));
      }
      tasks.set(byState);
      approvals.set(Map.of(Tags.empty(), byState.get(Tags.of("state", TaskState.AWAITING_APPROVAL.name()))));
    }
    Map<Tags, Long> waiting = new LinkedHashMap<>();
    for (String queue : queues) {
      for (TaskQueueType type : List.of(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW, TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY)) {
        long count = stub.withDeadlineAfter(DEADLINE_MILLIS, TimeUnit.MILLISECONDS).describeTaskQueue(
                DescribeTaskQueueRequest.newBuilder().setNamespace(namespace)
                    .setTaskQueue(TaskQueue.newBuilder().setName(queue)).setTaskQueueType(type).setReportStats(true)
                    .build())
            .getStats().getApproximateBacklogCount();
        waiting.put(Tags.of("queue", queue, "type", type == TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW ? "workflow"
            : "activity"), count);
      }
    }
    backlog.set(waiting);
  }

  private long count(WorkflowServiceBlockingStub stub, TaskState state) {
    return stub.withDeadlineAfter(DEADLINE_MILLIS, TimeUnit.MILLISECONDS).countWorkflowExecutions(
        CountWorkflowExecutionsRequest.newBuilder().setNamespace(namespace)
            .setQuery(TaskSearchAttributes.STATE.getName() + " = '" + state.name() + "'").build()).getCount();
  }
}
