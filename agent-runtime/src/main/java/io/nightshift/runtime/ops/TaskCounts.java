package io.nightshift.runtime.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.nightshift.runtime.temporal.TemporalConnection;
import io.nightshift.runtime.temporal.TenantNamespaceClients;
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
 * Tasks by state, approvals waiting, and the backlog of each task queue, asked of Temporal in every namespace this
 * process's tasks live in: the runtime's own and each one tenants are mapped to ({@code --tenant-namespace}). Counted
 * in the visibility store rather than from transitions this process saw: counters would start from zero at each
 * restart, and would see only the tasks whose workflow tasks ran here, while visibility holds every task of the
 * namespace whichever process ran it. Every API process reports the same figures; dashboards take their max per
 * namespace, then sum.
 *
 * <p>Each row carries its {@code namespace}: operator configuration, a handful of values and no task content, and
 * what an operator who put tenants in namespaces of their own wants to see apart (a sum alone would hide whose
 * tasks wait); the dashboard sums over it.
 */
final class TaskCounts {
  private static final long DEADLINE_MILLIS = 2_000;

  private final TenantNamespaceClients namespaces;
  private final List<String> queues;
  private final SampledGauge tasks;
  private final SampledGauge approvals;
  private final SampledGauge backlog;

  /** @param poolQueues the task queues of the configured pools, beside the control queue */
  TaskCounts(MeterRegistry registry, TenantNamespaceClients namespaces, List<String> poolQueues) {
    this.namespaces = namespaces;
    this.queues = Stream.concat(Stream.of(TaskQueues.CONTROL), poolQueues.stream())
        .toList();
    this.tasks = new SampledGauge(registry, MetricNames.TASKS, "tasks by state, from Temporal's visibility store");
    this.approvals = new SampledGauge(registry, MetricNames.APPROVALS_WAITING,
        "tasks with a step waiting for a person's decision");
    this.backlog = new SampledGauge(registry, MetricNames.QUEUE_BACKLOG,
        "tasks waiting in a Temporal task queue (approximate)");
  }

  /**
   * Asks once; skipped while Temporal does not answer, so the last figures stay until it does. A namespace without
   * Nightshift's search attributes (yet) has no tasks by state, only its backlog.
   */
  void sample() {
    TemporalConnection home = namespaces.home();
    if (!home.reachability().state().reachable()) {
      return;
    }
    WorkflowServiceBlockingStub stub = home.client().getWorkflowServiceStubs().blockingStub();
    Map<Tags, Long> byState = new LinkedHashMap<>();
    Map<Tags, Long> waitingApproval = new LinkedHashMap<>();
    Map<Tags, Long> waiting = new LinkedHashMap<>();
    for (String namespace : namespaces.namespaces()) {
      Tags in = Tags.of("namespace", namespace);
      if (namespaces.searchAttributes(namespace)) {
        for (TaskState state : TaskState.values()) {
          byState.put(in.and("state", state.name()), count(stub, namespace, state));
        }
        waitingApproval.put(in, byState.get(in.and("state", TaskState.AWAITING_APPROVAL.name())));
      }
      for (String queue : queues) {
        for (TaskQueueType type : List.of(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
            TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY)) {
          waiting.put(in.and("queue", queue, "type", type == TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW ? "workflow"
              : "activity"), backlog(stub, namespace, queue, type));
        }
      }
    }
    tasks.set(byState);
    approvals.set(waitingApproval);
    backlog.set(waiting);
  }

  private static long count(WorkflowServiceBlockingStub stub, String namespace, TaskState state) {
    return stub.withDeadlineAfter(DEADLINE_MILLIS, TimeUnit.MILLISECONDS).countWorkflowExecutions(
        CountWorkflowExecutionsRequest.newBuilder().setNamespace(namespace)
            .setQuery(TaskSearchAttributes.STATE.getName() + " = '" + state.name() + "'").build()).getCount();
  }

  private static long backlog(WorkflowServiceBlockingStub stub, String namespace, String queue, TaskQueueType type) {
    return stub.withDeadlineAfter(DEADLINE_MILLIS, TimeUnit.MILLISECONDS).describeTaskQueue(
            DescribeTaskQueueRequest.newBuilder().setNamespace(namespace)
                .setTaskQueue(TaskQueue.newBuilder().setName(queue)).setTaskQueueType(type).setReportStats(true)
                .build())
        .getStats().getApproximateBacklogCount();
  }
}
