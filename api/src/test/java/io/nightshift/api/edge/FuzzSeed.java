package io.nightshift.api.edge;

import java.util.SplittableRandom;

/**
 * The seed every fuzzed request is drawn from. It is fixed by default, so each run sends the same requests and a
 * failure can be replayed; {@code -Dnightshift.fuzz.seed=N} (decimal, or hex with 0x) draws other requests.
 */
record FuzzSeed(long value) {
  static final String PROPERTY = "nightshift.fuzz.seed";
  static final long DEFAULT = 20_261_205L;

  static FuzzSeed fromSystemProperty() {
    String given = System.getProperty(PROPERTY);
    return new FuzzSeed(given == null || given.isBlank() ? DEFAULT : Long.decode(given.strip()));
  }

  /**
   * The dice for one stream of requests. Each stream has its own, derived from the seed and the stream's name, so
   * what one stream draws does not depend on how many draws another made before it.
   */
  Dice dice(String stream) {
    return new Dice(new SplittableRandom(value ^ (stream.hashCode() * 0x9E3779B97F4A7C15L)));
  }

  /** How a failure or the printed counts tell the reader to replay this run. */
  String howToRerun() {
    return "seed " + value + " (rerun with -D" + PROPERTY + "=" + value + ")";
  }
}
