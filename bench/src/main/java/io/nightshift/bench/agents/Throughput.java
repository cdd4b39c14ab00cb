package io.nightshift.bench.agents;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Two throughput figures from a run's call completion times. Whole run: calls / (first start to last completion),
 * ramp and tail included. Steady: the middle 80% of the completions / the time they spanned (10th to 90th
 * percentile completion), which leaves out the ramp (queueing the agents, the first workflow tasks) and the tail
 * (the last calls, when fewer than all slots have work), so it shows whether the endpoint was kept busy while work
 * was queued.
 */
record Throughput(double wholeRun, double steady) {
  static Throughput of(long startNanos, List<Long> completionNanos) {
    List<Long> done = new ArrayList<>(completionNanos);
    Collections.sort(done);
    int n = done.size();
    double whole = n / ((done.get(n - 1) - startNanos) / 1e9);
    int lo = (int) Math.floor(0.1 * (n - 1));
    int hi = (int) Math.ceil(0.9 * (n - 1));
    double steady = hi > lo ? (hi - lo) / ((done.get(hi) - done.get(lo)) / 1e9) : whole;
    return new Throughput(whole, steady);
  }
}
