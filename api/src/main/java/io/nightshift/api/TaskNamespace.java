package io.nightshift.api;

import io.nightshift.core.artifact.ArtifactStore;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.Optional;

/**
 * What the task service works with in one Temporal namespace: its client, and the submitter, reader, lister,
 * watcher and conversation reader over it.
 *
 * @param conversations empty where the API has no artifact store to read transcripts from (tests of the other calls)
 */
record TaskNamespace(WorkflowClient client, TaskSubmitter submitter, TaskReader reader, TaskLister lister,
    TaskWatcher watcher, Optional<AgentConversations> conversations) implements AutoCloseable {

  static TaskNamespace of(WorkflowClient client, TaskSubmitter submitter, TaskWatcher watcher,
      Optional<ArtifactStore> artifacts) {
    TaskReader reader = new TaskReader(client);
    return new TaskNamespace(client, submitter, reader, new TaskLister(client, reader, submitter.searchAttributes()),
        watcher, artifacts.map(store -> new AgentConversations(client, reader, store)));
  }

  /** A namespace's own watcher, polling every {@code interval}. */
  static TaskNamespace of(WorkflowClient client, TaskSubmitter submitter, Duration interval,
      Optional<ArtifactStore> artifacts) {
    return of(client, submitter, new TaskWatcher(client, interval), artifacts);
  }

  @Override
  public void close() {
    watcher.close();
  }
}
