package io.nightshift.api;

import io.nightshift.core.artifact.ArtifactStore;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.Optional;

/**
 * What the task service works with in one Temporal namespace: its client, and the submitter, reader, lister,
 * watcher, conversation reader and forker over it.
 *
 * @param conversations empty where the API has no artifact store to read transcripts from (tests of the other calls)
 */
record TaskNamespace(WorkflowClient client, TaskSubmitter submitter, TaskReader reader, TaskLister lister,
    TaskWatcher watcher, Optional<AgentConversations> conversations, TaskForker forker) implements AutoCloseable {

  static TaskNamespace of(WorkflowClient client, TaskSubmitter submitter, TaskWatcher watcher,
      Optional<ArtifactStore> artifacts) {
    TaskReader reader = new TaskReader(client);
    return new TaskNamespace(client, submitter, reader, new TaskLister(client, reader, submitter.searchAttributes()),
        watcher, artifacts.map(store -> new AgentConversations(client, reader, store)),
        new TaskForker(client, reader, submitter));
  }

  /** A namespace's own watcher, polling every {@code interval}, its streams counted in {@code slots}. */
  static TaskNamespace of(WorkflowClient client, TaskSubmitter submitter, Duration interval, WatchSlots slots,
      Optional<ArtifactStore> artifacts) {
    return of(client, submitter, new TaskWatcher(client, interval, slots), artifacts);
  }

  @Override
  public void close() {
    watcher.close();
  }
}
