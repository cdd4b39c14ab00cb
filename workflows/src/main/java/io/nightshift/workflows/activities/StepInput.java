package io.nightshift.workflows.activities;

import java.util.Map;

/**
 * One step call.
 *
 * @param taskId         the task
 * @param step           the step name
 * @param tool           the tool to run
 * @param params         parameters with every reference resolved to an {@code artifact:} URI
 * @param idempotencyKey stable across retries and replays of this step of this task
 */
public record StepInput(String taskId, String step, String tool, Map<String, String> params, String idempotencyKey) {
  public StepInput {
    params = Map.copyOf(params);
  }
}
