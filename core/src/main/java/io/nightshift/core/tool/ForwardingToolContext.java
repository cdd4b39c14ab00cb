package io.nightshift.core.tool;

import io.nightshift.core.accelerator.LeasedUnits;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.egress.EgressPolicy;
import io.nightshift.core.memory.Notebook;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tool context that hands every call to another one, for a tool that changes one thing about the context it
 * passes on (e.g. what its heartbeats carry) and nothing else. Every method is forwarded, the defaults included,
 * so the wrapped runtime's leases, egress policy and notebook are never silently replaced by the interface's
 * defaults; {@code ForwardingToolContextTest} fails when a method added to {@link ToolContext} is not forwarded.
 */
public abstract class ForwardingToolContext implements ToolContext {
  private final ToolContext delegate;

  protected ForwardingToolContext(ToolContext delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public ArtifactStore artifacts() {
    return delegate.artifacts();
  }

  @Override
  public String idempotencyKey() {
    return delegate.idempotencyKey();
  }

  @Override
  public Path workDir() {
    return delegate.workDir();
  }

  @Override
  public void heartbeat(String progress) {
    delegate.heartbeat(progress);
  }

  @Override
  public Optional<String> resumeFrom() {
    return delegate.resumeFrom();
  }

  @Override
  public Optional<Path> inputsDir() {
    return delegate.inputsDir();
  }

  @Override
  public EgressPolicy egress() {
    return delegate.egress();
  }

  @Override
  public Optional<LeasedUnits> units() {
    return delegate.units();
  }

  @Override
  public Optional<Notebook> notebook() {
    return delegate.notebook();
  }

  @Override
  public ProcessBuilder processBuilder(List<String> command) {
    return delegate.processBuilder(command);
  }
}
