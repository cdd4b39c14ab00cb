package io.nightshift.workflows.agent;

import io.temporal.activity.ActivityInterface;

/**
 * Compaction of an agent's conversation, a durable step of its own between two model calls: once it has completed,
 * a crash or a replay never redoes it.
 */
@ActivityInterface
public interface AgentCompactionActivities {
  /**
   * Summarises the older turns of a transcript by a model call, stores the summary and the turns it replaces, and
   * appends a compaction event pointing to both (see {@link Transcripts#appendCompaction}). Fails non-retryably
   * ({@link AgentModelActivities#CONTEXT_TOO_SMALL}) when even the kept turns would not fit.
   */
  CompactionOutput compact(CompactionInput input);
}
