package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import io.nightshift.examples.drugdiscovery.data.MoleculeSetCsv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A ToolContext over core's FileArtifactStore that records heartbeats. */
final class RecordingToolContext implements ToolContext {
  private final FileArtifactStore store;
  private final Path workDir;
  /** Thread-safe: ConcurrentDockingIT runs four tool calls side by side on one context. */
  final List<String> heartbeats = new CopyOnWriteArrayList<>();
  /** What the previous attempt of this call last reported, as a retry after a crash would receive it. */
  String resumeFrom;

  RecordingToolContext(Path dir) throws IOException {
    this.store = FileArtifactStore.unencrypted(dir.resolve("store"));
    this.workDir = dir.resolve("work");
  }

  @Override
  public ArtifactStore artifacts() {
    return store;
  }

  @Override
  public String idempotencyKey() {
    return "test-step";
  }

  @Override
  public Path workDir() {
    return workDir;
  }

  @Override
  public void heartbeat(String progress) {
    heartbeats.add(progress);
  }

  @Override
  public Optional<String> resumeFrom() {
    return Optional.ofNullable(resumeFrom);
  }

  String putCsv(String csv) throws IOException {
    return store.put(csv.getBytes(StandardCharsets.UTF_8), "text/csv").uri();
  }

  MoleculeSet read(ArtifactRef ref) throws IOException {
    return MoleculeSetCsv.read(store.read(ref));
  }
}
