package io.nightshift.workflows.agent;

import java.util.Objects;

/**
 * @param agentId        for logs
 * @param turn           the model call that asked for it
 * @param call           the call, with the registry's tool name
 * @param idempotencyKey stable across retries and replays: {@code agentId/turn/callIndex}
 * @param memory         the notes the memory tools work on, the agent's ({@link AgentBrief#memoryOf}); absent from
 *                       calls scheduled before there was memory, which then get the agent's own
 */
public record AgentToolInput(String agentId, int turn, AgentToolCall call, String idempotencyKey,
    MemoryScope memory) {
  public AgentToolInput {
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    memory = memory == null ? MemoryScope.ofAgent(agentId) : memory;
  }

  /** A call whose memory tools keep the agent's own notes. */
  public AgentToolInput(String agentId, int turn, AgentToolCall call, String idempotencyKey) {
    this(agentId, turn, call, idempotencyKey, MemoryScope.ofAgent(agentId));
  }
}
