package io.nightshift.bench;

import io.nightshift.bench.cluster.ClusterRun;

/**
 * A load test of the production shape on one machine: {@code nightshift temporal} (the Temporal dev server),
 * {@code nightshift api} and 1, then 2, then 3 {@code nightshift worker}s, each its own JVM on one data directory,
 * fed a fixed batch of tasks through the real gRPC API with the data directory's admin token. Each item holds one
 * unit of a simulated pool of K units per worker for a fixed time, so capacity is W x K / step items/s by
 * construction, bounded by the workers' pools and not by this machine's cores. Then a kill run: 3 workers, one
 * SIGKILLed mid-batch (and the api process SIGKILLed and restarted), with every item checked to come back exactly
 * once.
 *
 * <p>Usage: {@code ClusterLoadBench [itemsPerRound=300] [unitsPerWorker=4] [stepSeconds=0.5] [tasks=4] [runs=1]
 * [killApi=true]}
 */
public final class ClusterLoadBench {
  private ClusterLoadBench() {}

  public static void main(String[] args) throws Exception {
    ClusterRun.Settings s = new ClusterRun.Settings(
        args.length > 0 ? Integer.parseInt(args[0]) : 300,
        args.length > 1 ? Integer.parseInt(args[1]) : 4,
        args.length > 2 ? Double.parseDouble(args[2]) : 0.5,
        args.length > 3 ? Integer.parseInt(args[3]) : 4,
        args.length > 4 ? Integer.parseInt(args[4]) : 1,
        args.length <= 5 || Boolean.parseBoolean(args[5]));
    ClusterRun.run(s);
  }
}
