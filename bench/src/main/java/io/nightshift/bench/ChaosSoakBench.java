package io.nightshift.bench;

import io.nightshift.bench.cluster.ChaosSoak;

/**
 * The chaos soak (issue 14): continuous mixed load (map pipelines on simulated.work, agent steps on a scripted
 * OpenAI-compatible endpoint, approval gates this program approves) on one dev server, one api and W workers,
 * each its own JVM, while a worker, the api or the dev server is SIGKILLed and restarted every few minutes. Then it
 * accounts for every accepted task (lost must be 0), checks map items exactly once, counts step re-executions
 * beyond those in flight at the kills, and prints step latency and the workers' heap over time. Exits 1 when
 * something was lost or an item did not come back exactly once.
 *
 * <p>Usage: {@code ChaosSoakBench [minutes=60] [killMinSeconds=120] [killMaxSeconds=300] [seed=1] [workers=3]
 * [inFlight=12] [drainMinutes=10]}
 */
public final class ChaosSoakBench {
  private ChaosSoakBench() {}

  public static void main(String[] args) throws Exception {
    ChaosSoak.Settings s = new ChaosSoak.Settings(
        args.length > 0 ? Double.parseDouble(args[0]) : 60,
        args.length > 1 ? Integer.parseInt(args[1]) : 120,
        args.length > 2 ? Integer.parseInt(args[2]) : 300,
        args.length > 3 ? Long.parseLong(args[3]) : 1,
        args.length > 4 ? Integer.parseInt(args[4]) : 3,
        args.length > 5 ? Integer.parseInt(args[5]) : 12,
        args.length > 6 ? Double.parseDouble(args[6]) : 10);
    System.exit(ChaosSoak.run(s) ? 0 : 1);
  }
}
