package io.nightshift.workflows.agent;

import java.util.Objects;

/**
 * @param agentId        for logs
 * @param turn           the model call that asked for it
 * @param call           the call, with the registry's tool name
 * @param idempotencyKey stable across retries and replays: {@code agentId/turn/callIndex}
 */
public record AgentToolInput(String agentId, int turn, AgentToolCall call, String idempotencyKey) {
  public AgentToolInput {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
  }
}
