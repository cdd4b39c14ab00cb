package io.nightshift.bench.baseline;

import io.nightshift.bench.engine.NoopTable;
import io.nightshift.bench.engine.PlainToolContext;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import java.nio.file.Path;
import java.util.Map;

/**
 * Calls the very tool the Nightshift map calls, with the same arguments, through a bare {@link ToolContext}: the
 * tool's own cost (read, filter, write a one-row CSV in the artifact store) is in both measurements, so their
 * difference is orchestration alone.
 */
public final class BaselineActivitiesImpl implements BaselineActivities {
  private final Tool filter;
  private final ArtifactStore artifacts;
  private final Path workDir;

  public BaselineActivitiesImpl(Tool filter, ArtifactStore artifacts, Path workDir) {
    this.filter = filter;
    this.artifacts = artifacts;
    this.workDir = workDir;
  }

  @Override
  public String filter(String table) {
    ToolContext context = new PlainToolContext(artifacts, "baseline", workDir);
    return filter.execute(context, new ToolArguments(Map.of("input", table, "where", NoopTable.KEEP_ALL)))
        .artifact().uri();
  }
}
