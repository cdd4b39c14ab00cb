package io.nightshift.bench.agents;

import com.google.protobuf.Timestamp;
import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.task.TaskInput;
import io.nightshift.workflows.task.TaskWorkflow;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput through Nightshift the way users queue agents: one task whose pipeline has {@code agents} independent
 * {@code kind: agent} steps on the endpoint, {@code maxParallel} of them running at once (the task starts each as a
 * child AgentWorkflow; one model call each). Completion times are the children's close events (the dev server runs
 * on this machine, so its clock is this clock), so the client waits on the task alone, as a user would.
 */
final class TaskLoad {
  /** The last run's first and last answer, seconds after the task was started: its ramp and its length. */
  static volatile double lastFirstAnswerSeconds;
  static volatile double lastLastAnswerSeconds;
  /** The last run's ramp from the task's own history: its start to its first child started, and to that child's. */
  static volatile String lastRamp = "";

  private TaskLoad() {}

  static String pipeline(int agents, AgentShape shape) {
    StringBuilder yaml = new StringBuilder("name: bench-agents\nsteps:\n");
    for (int i = 0; i < agents; i++) {
      yaml.append("  - name: a").append(i).append("\n    kind: agent\n    model: ").append(BenchEndpoint.ID)
          .append("\n    instructions: \"").append(shape.instructions()).append("\"\n    prompt: \"")
          .append(shape.task()).append("\"\n    max_turns: 1\n    max_output_tokens: ")
          .append(shape.maxOutputTokens()).append('\n');
    }
    return yaml.toString();
  }

  /** @return agent steps (= model calls) per second, whole run and steady (see {@link Throughput}) */
  static Throughput run(WorkflowClient client, String taskId, int agents, int maxParallel, AgentShape shape) {
    TaskWorkflow task = client.newWorkflowStub(TaskWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(taskId).setTaskQueue(TaskQueues.CONTROL).build());
    long startMillis = System.currentTimeMillis();
    WorkflowClient.start(task::run, TaskInput.builder(taskId, "benchmark: endpoint saturation")
        .pipeline("bench-agents", pipeline(agents, shape)).maxParallelSteps(maxParallel).searchAttributes(true).build());
    WorkflowStub.fromTyped(task).getResult(Object.class);
    List<Long> completions = new ArrayList<>();
    for (int i = 0; i < agents; i++) {
      List<HistoryEvent> events = client.fetchHistory(taskId + "/a" + i).getHistory().getEventsList();
      completions.add(nanos(events.get(events.size() - 1).getEventTime()));
    }
    long start = startMillis * 1_000_000L;
    lastRamp = ramp(client, taskId, start);
    lastFirstAnswerSeconds = (completions.stream().mapToLong(Long::longValue).min().orElse(start) - start) / 1e9;
    lastLastAnswerSeconds = (completions.stream().mapToLong(Long::longValue).max().orElse(start) - start) / 1e9;
    return Throughput.of(start, completions);
  }

  /**
   * Where the ramp goes: from the client's start to the task's first workflow task completed (its plan follows),
   * to its first child workflow started, and to that child's first answer.
   */
  private static String ramp(WorkflowClient client, String taskId, long startNanos) {
    List<HistoryEvent> events = client.fetchHistory(taskId).getHistory().getEventsList();
    long firstTask = -1;
    long firstChild = -1;
    String child = null;
    for (HistoryEvent e : events) {
      if (firstTask < 0 && e.hasWorkflowTaskCompletedEventAttributes()) {
        firstTask = nanos(e.getEventTime());
      } else if (firstChild < 0 && e.hasChildWorkflowExecutionStartedEventAttributes()) {
        firstChild = nanos(e.getEventTime());
        child = e.getChildWorkflowExecutionStartedEventAttributes().getWorkflowExecution().getWorkflowId();
      }
    }
    if (child == null) {
      return "no child started";
    }
    List<HistoryEvent> childEvents = client.fetchHistory(child).getHistory().getEventsList();
    long childDone = nanos(childEvents.get(childEvents.size() - 1).getEventTime());
    return String.format(Locale.ROOT, "task start -> first workflow task done %.2f s -> first child"
        + " started %.2f s -> its answer %.2f s", (firstTask - startNanos) / 1e9, (firstChild - startNanos) / 1e9,
        (childDone - startNanos) / 1e9);
  }

  private static long nanos(Timestamp t) {
    return t.getSeconds() * 1_000_000_000L + t.getNanos();
  }
}
