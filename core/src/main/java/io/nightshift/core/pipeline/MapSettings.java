package io.nightshift.core.pipeline;

/**
 * How a map step fans a tool out over a table.
 *
 * @param over           reference to the table ({@code ${steps.X.output}}), resolved to an artifact URI at run time
 * @param chunkSize      rows per tool call
 * @param maxParallel    tool calls of this step running at once (the fan-out window)
 * @param itemParam      the tool parameter that receives each chunk
 * @param maxParallelRef the {@code ${params.NAME}} the window was written as, so a run can size it (a machine with
 *                       two cores cannot run 16 Vina processes beside in-process docking); the planner resolves it
 *                       into {@code maxParallel}, so it is null in a plan, and when the window was written as a number
 */
public record MapSettings(String over, int chunkSize, int maxParallel, String itemParam, String maxParallelRef) {
  public static final int DEFAULT_CHUNK_SIZE = 100;
  public static final int DEFAULT_MAX_PARALLEL = 50;
  /** Far below Temporal's 2,000 pending activities per execution. */
  public static final int MAX_PARALLEL_LIMIT = 500;

  /** A window written as a number. */
  public MapSettings(String over, int chunkSize, int maxParallel, String itemParam) {
    this(over, chunkSize, maxParallel, itemParam, null);
  }

  public MapSettings withOver(String resolved) {
    return new MapSettings(resolved, chunkSize, maxParallel, itemParam, maxParallelRef);
  }

  /** The window a run resolved from {@link #maxParallelRef}. */
  public MapSettings withMaxParallel(int resolved) {
    return new MapSettings(over, chunkSize, resolved, itemParam, null);
  }
}
