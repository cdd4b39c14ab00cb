package io.nightshift.core.pipeline;

/**
 * How a map step fans a tool out over a table.
 *
 * @param over        reference to the table ({@code ${steps.X.output}}), resolved to an artifact URI at run time
 * @param chunkSize   rows per tool call
 * @param maxParallel tool calls of this step running at once (the fan-out window)
 * @param itemParam   the tool parameter that receives each chunk
 */
public record MapSettings(String over, int chunkSize, int maxParallel, String itemParam) {
  public static final int DEFAULT_CHUNK_SIZE = 100;
  public static final int DEFAULT_MAX_PARALLEL = 50;
  /** Far below Temporal's 2,000 pending activities per execution. */
  public static final int MAX_PARALLEL_LIMIT = 500;

  public MapSettings withOver(String resolved) {
    return new MapSettings(resolved, chunkSize, maxParallel, itemParam);
  }
}
