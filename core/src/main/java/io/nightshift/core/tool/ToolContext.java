package io.nightshift.core.tool;

import io.nightshift.core.artifact.ArtifactStore;
import java.nio.file.Path;

/** What the engine gives a running tool. */
public interface ToolContext {
  /** Where inputs are read from and outputs written to; pass references, not bytes, between steps. */
  ArtifactStore artifacts();

  /** Stable across retries of the same step of the same task: use it to make writes idempotent. */
  String idempotencyKey();

  /** A scratch directory for this call, removed afterwards. */
  Path workDir();

  /** Tells the engine the tool is alive (and how far it got) during long work. */
  void heartbeat(String progress);
}
