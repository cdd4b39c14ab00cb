package io.nightshift.workflows.agent;

import java.util.Objects;
import java.util.Optional;

/**
 * @param agentId        for logs
 * @param turn           the model call that asked for it
 * @param call           the call, with the registry's tool name
 * @param idempotencyKey stable across retries and replays: {@code agentId/turn/callIndex}
 * @param memory         the notes the memory tools work on, the agent's ({@link AgentBrief#memoryOf}); absent from
 *                       calls scheduled before there was memory, which then get the agent's own
 * @param endpoint       the endpoint that served the turn that asked for the call, whose context window sizes how
 *                       much of the result the model is shown; empty (null in JSON) in calls scheduled before tool
 *                       inputs said so, which get the runtime's fixed budget
 */
public record AgentToolInput(String agentId, int turn, AgentToolCall call, String idempotencyKey,
    MemoryScope memory, Optional<String> endpoint) {
  public AgentToolInput {
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    memory = memory == null ? MemoryScope.ofAgent(agentId) : memory;
    endpoint = endpoint == null ? Optional.empty() : endpoint;
  }

  /** A call whose memory tools keep the agent's own notes, naming no endpoint. */
  public AgentToolInput(String agentId, int turn, AgentToolCall call, String idempotencyKey) {
    this(agentId, turn, call, idempotencyKey, MemoryScope.ofAgent(agentId), Optional.empty());
  }
}
