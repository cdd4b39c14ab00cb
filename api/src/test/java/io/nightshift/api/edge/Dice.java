package io.nightshift.api.edge;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The fuzzing's choices, made with a seeded generator: the same seed makes the same choices, so it sends the same
 * requests in the same order. Only the few kinds of choice the generators need, nothing more.
 */
final class Dice {
  private final RandomGenerator random;

  Dice(RandomGenerator random) {
    this.random = random;
  }

  /** True with the given probability (0 to 1). */
  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  /** The index of one of the weights, each as likely as its weight is of their sum. */
  int weighted(int... weights) {
    int sum = 0;
    for (int w : weights) {
      sum += w;
    }
    int roll = random.nextInt(sum);
    for (int i = 0; i < weights.length; i++) {
      roll -= weights[i];
      if (roll < 0) {
        return i;
      }
    }
    throw new IllegalStateException("weights must be positive");
  }

  <T> T oneOf(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /** From min to max, both included. */
  int between(int min, int max) {
    return (int) between((long) min, (long) max);
  }

  /** From min to max, both included. */
  long between(long min, long max) {
    return max == Long.MAX_VALUE ? (min == Long.MIN_VALUE ? random.nextLong() : random.nextLong(min - 1, max) + 1)
        : random.nextLong(min, max + 1);
  }

  /**
   * A length from min to max, mostly short ones: a uniform length would make nearly every string long, and the
   * short ones (empty, one character) are where checks slip. The bounds themselves come up often too.
   */
  int size(int min, int max) {
    return switch (weighted(1, 1, 2, 4)) {
      case 0 -> min;
      case 1 -> max;
      case 2 -> between(min, Math.min(max, min + 3));
      default -> between(min, max);
    };
  }

  int anyInt() {
    return random.nextInt();
  }

  long anyLong() {
    return random.nextLong();
  }

  byte anyByte() {
    return (byte) random.nextInt();
  }

  byte[] bytes(int size) {
    byte[] out = new byte[size];
    random.nextBytes(out);
    return out;
  }
}
