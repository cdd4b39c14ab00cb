package io.nightshift.workflows.task;

import io.nightshift.workflows.engine.ReplayedCalls;
import io.temporal.common.WorkflowExecutionHistory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replays a history and keeps the input of every child workflow the replayed code starts, by child workflow id
 * ({@link ReplayedCalls}): replay matches a child's type and id, not its input.
 */
final class ReplayedChildren {
  private ReplayedChildren() {}

  static Map<String, Object> replay(WorkflowExecutionHistory history, Class<?>... workflows) throws Exception {
    Map<String, Object> inputs = new LinkedHashMap<>();
    ReplayedCalls.replay(history, workflows).stream().filter(c -> c.kind() == ReplayedCalls.Kind.CHILD_WORKFLOW)
        .forEach(c -> inputs.put(c.name(), c.input()));
    return inputs;
  }
}
