package io.nightshift.workflows.task;

import io.nightshift.workflows.task.control.Decision;
import java.util.List;
import java.util.Map;

/**
 * The people in a task's loop.
 *
 * @param awaiting  steps waiting for a person's decision, with what they wait for
 * @param decisions every decision made on the task, in order
 */
public record ApprovalLog(Map<String, String> awaiting, List<Decision> decisions) {
  public ApprovalLog {
    awaiting = Map.copyOf(awaiting == null ? Map.of() : awaiting);
    decisions = List.copyOf(decisions == null ? List.of() : decisions);
  }
}
