package io.nightshift.cli;

import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.Task;
import io.nightshift.client.NightshiftClient;
import io.nightshift.client.TaskWatch;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Follows a task through the client's watch (which resumes by itself after the API restarts or a connection
 * drops), printing each state change of the task and its steps, one line each.
 */
final class TaskFollower {
  private TaskFollower() {}

  static Task follow(NightshiftClient client, String taskId, PrintWriter out) {
    try (TaskWatch events = client.watch(taskId)) {
      return follow(events, taskId, out);
    }
  }

  private static Task follow(TaskWatch events, String taskId, PrintWriter out) {
    Map<String, String> seen = new HashMap<>();
    String taskState = "";
    Task last = null;
    while (events.hasNext()) {
      last = events.next();
      if (!TaskPrinter.state(last).equals(taskState)) {
        taskState = TaskPrinter.state(last);
        out.printf("task %s: %s%n", taskId, taskState);
      }
      for (Step s : last.getStepsList()) {
        String state = TaskPrinter.stepState(s);
        if (!state.equals(seen.put(s.getName(), state)) && !state.equals("PENDING")) {
          String note = !s.getError().isEmpty() ? "  error: " + s.getError()
              : s.getSummary().isEmpty() ? "" : "  " + s.getSummary();
          String took = StepDuration.of(s, Instant.now());
          out.printf("  step %-18s %-10s%s%s%n", s.getName(), state, note, took.isEmpty() ? "" : "  " + took);
        }
      }
      out.flush();
    }
    if (last == null) {
      throw new IllegalStateException("the watch of " + taskId + " ended without any event");
    }
    if (!last.getError().isEmpty()) {
      out.println("  error: " + last.getError());
    }
    return last;
  }

  static int exitCode(Task t) {
    return switch (t.getState()) {
      case TASK_STATE_SUCCEEDED -> 0;
      case TASK_STATE_CANCELLED -> ClientCommand.EXIT_CANCELLED;
      default -> ClientCommand.EXIT_FAILED;
    };
  }
}
