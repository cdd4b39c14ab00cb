package io.nightshift.bench.engine;

import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.tool.ToolContext;
import java.nio.file.Path;

/**
 * What a tool needs to run outside the engine's step activity: a store, a key and a scratch directory, no
 * heartbeats (the benchmark's own activity heartbeats where it needs to).
 */
public record PlainToolContext(ArtifactStore artifacts, String idempotencyKey, Path workDir) implements ToolContext {
  @Override
  public void heartbeat(String progress) {}
}
