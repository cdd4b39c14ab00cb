package io.nightshift.workflows.agent;

import io.nightshift.core.artifact.ArtifactRef;
import java.util.List;
import java.util.Objects;

/**
 * One compaction of an agent's conversation.
 *
 * @param agentId         for logs
 * @param turn            the model call that did not fit (1-based)
 * @param endpoint        the endpoint whose context window the conversation must fit
 * @param summaryEndpoint the endpoint that writes the summary
 * @param transcript      the transcript index to compact
 * @param tools           the tools the next call offers (their specifications take room in the prompt)
 * @param policy          turns to keep, room for the answer
 */
public record CompactionInput(String agentId, int turn, String endpoint, String summaryEndpoint,
    ArtifactRef transcript, List<String> tools, ContextPolicy policy) {
  public CompactionInput {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(summaryEndpoint, "summaryEndpoint");
    Objects.requireNonNull(transcript, "transcript");
    Objects.requireNonNull(policy, "policy");
    tools = tools == null ? List.of() : List.copyOf(tools);
  }
}
