package io.nightshift.bench.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded mix of subtask sizes: many small single-device calls, fewer large tensor-parallel ones, as an agent
 * fleet produces (tool scoring and short completions next to long generations on big models).
 */
public final class Workload {
  private Workload() {}

  public static List<FleetSubtask> mixed(int count, long seed) {
    Random random = new Random(seed);
    List<FleetSubtask> tasks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      double r = random.nextDouble();
      if (r < 0.60) {
        tasks.add(new FleetSubtask(i, uniform(random, 20, 200), 1));
      } else if (r < 0.85) {
        tasks.add(new FleetSubtask(i, uniform(random, 100, 600), 2));
      } else if (r < 0.97) {
        tasks.add(new FleetSubtask(i, uniform(random, 400, 2_000), 4));
      } else {
        tasks.add(new FleetSubtask(i, uniform(random, 2_000, 8_000), 8));
      }
    }
    return tasks;
  }

  private static double uniform(Random random, double min, double max) {
    return min + random.nextDouble() * (max - min);
  }
}
