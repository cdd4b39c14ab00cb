package io.nightshift.core.planner;

import java.util.Optional;
import java.util.Set;

/** Pipelines known by name, for {@code pipeline:} steps and submissions by name. */
public interface PipelineSource {
  PipelineSource NONE = new PipelineSource() {
    @Override
    public Optional<String> yaml(String name) {
      return Optional.empty();
    }

    @Override
    public Set<String> names() {
      return Set.of();
    }
  };

  Optional<String> yaml(String name);

  Set<String> names();
}
