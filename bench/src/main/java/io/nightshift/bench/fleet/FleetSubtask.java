package io.nightshift.bench.fleet;

/**
 * One subtask of the benchmark workload.
 *
 * @param work  size in reference work units (one unit = one second of one NeuronCore-class device)
 * @param units devices it needs at once (its tensor-parallel degree)
 */
public record FleetSubtask(int id, double work, int units) {}
