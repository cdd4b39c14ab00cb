package io.nightshift.bench.cluster;

/**
 * One round of the cluster load benchmark and what it achieved against the capacity its pools give by
 * construction: {@code workers} processes, each with a pool of {@code unitsPerWorker} simulated units, each item
 * holding one unit for {@code stepSeconds}, so no schedule can beat {@code workers * unitsPerWorker / stepSeconds}
 * items per second, whatever the cores of the machine.
 *
 * @param wallSeconds from the first submission to the last task's end
 */
public record RoundFigures(int workers, int unitsPerWorker, double stepSeconds, int items, double wallSeconds) {
  public RoundFigures {
    if (workers < 1 || unitsPerWorker < 1 || items < 1) {
      throw new IllegalArgumentException("workers, units per worker and items must be >= 1");
    }
    if (!(stepSeconds > 0) || !(wallSeconds > 0)) {
      throw new IllegalArgumentException("step and wall seconds must be > 0");
    }
  }

  public double itemsPerSecond() {
    return items / wallSeconds;
  }

  /** Items per second with every unit of every worker busy all the time. */
  public double capacity() {
    return workers * unitsPerWorker / stepSeconds;
  }

  /** Achieved over capacity: 1.0 would be no overhead and no idle unit at all. */
  public double ratio() {
    return itemsPerSecond() / capacity();
  }

  /** Throughput against a baseline round's (W=1): the ideal is workers / base workers. */
  public double speedUp(RoundFigures base) {
    return itemsPerSecond() / base.itemsPerSecond();
  }
}
