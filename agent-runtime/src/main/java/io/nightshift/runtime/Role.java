package io.nightshift.runtime;

/** What one runtime process does. {@code dev} runs them all; production runs each as its own process. */
public enum Role {
  /** Supervises a local Temporal dev server. */
  TEMPORAL,
  /** Polls Temporal task queues and runs workflows and activities. */
  WORKER,
  /** Serves the gRPC API. */
  API
}
