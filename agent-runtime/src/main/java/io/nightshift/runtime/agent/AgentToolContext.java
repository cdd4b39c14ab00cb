package io.nightshift.runtime.agent;

import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.tool.ToolContext;
import io.temporal.activity.ActivityExecutionContext;
import java.nio.file.Path;
import java.util.Optional;

/** The tool's view of an agent's tool-call activity; heartbeats go straight to Temporal (which throttles them). */
final class AgentToolContext implements ToolContext {
  private final ArtifactStore artifacts;
  private final String idempotencyKey;
  private final Path workDir;
  private final ActivityExecutionContext activity;
  private final String resumeFrom;

  AgentToolContext(ArtifactStore artifacts, String idempotencyKey, Path workDir, ActivityExecutionContext activity) {
    this.artifacts = artifacts;
    this.idempotencyKey = idempotencyKey;
    this.workDir = workDir;
    this.activity = activity;
    // Temporal hands a retry the details of the previous attempt's last heartbeat
    this.resumeFrom = activity.getHeartbeatDetails(String.class).filter(p -> !p.isBlank()).orElse(null);
  }

  @Override
  public Optional<String> resumeFrom() {
    return Optional.ofNullable(resumeFrom);
  }

  @Override
  public ArtifactStore artifacts() {
    return artifacts;
  }

  @Override
  public String idempotencyKey() {
    return idempotencyKey;
  }

  @Override
  public Path workDir() {
    return workDir;
  }

  @Override
  public void heartbeat(String progress) {
    activity.heartbeat(progress);
  }
}
