package io.nightshift.workflows.agent;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.workflows.payload.UnwrappedRecords;
import java.util.Objects;

/**
 * How an agent ended. Small by design: the answer and the conversation are artifact references. In JSON the parts'
 * fields stand side by side, as they did before AgentResult had parts ({@link UnwrappedRecords}).
 *
 * @param reason       why it stopped
 * @param answer       the final answer (text/plain) when {@code reason} is ANSWERED, else null
 * @param detail       one line for humans: what limit was hit, or the answer's first words
 * @param conversation where the conversation stands: transcript, unsent tool results, the endpoint that served last
 * @param usage        model calls, tool calls and the ledger at the end
 */
@JsonDeserialize(using = UnwrappedRecords.class)
public record AgentResult(StopReason reason, ArtifactRef answer, String detail,
    @JsonUnwrapped ConversationState conversation, @JsonUnwrapped AgentUsage usage) {
  public AgentResult {
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(usage, "usage");
  }
}
