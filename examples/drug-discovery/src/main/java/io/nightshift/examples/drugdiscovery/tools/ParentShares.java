package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.examples.drugdiscovery.data.Candidate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How {@code chem.generate} shares the round's analogues among its parents. With {@code parent_weighting=rank} and
 * parents that carry the previous selection's {@code rank} (1 = best), each move picks a parent with probability
 * proportional to {@code worst rank + 1 - rank} (linear rank selection, Baker 1985): of 8 parents the best gets
 * 8/36 = 22% of the picks, the top three 58%, the last 1/36 = 3%, against 12.5% each when uniform. So the round
 * explores most around what docked best while every kept parent still gets some analogues. Parents without a rank
 * (the seeds) are picked uniformly.
 */
final class ParentShares {
  static final String RANK = "rank";
  static final String UNIFORM = "uniform";

  private ParentShares() {}

  /** The weights for {@code parents}, or empty for uniform picking (asked for, or some parent has no rank). */
  static Optional<double[]> weights(List<Candidate> parents, String weighting) {
    if (!weighting.equals(RANK) || parents.isEmpty()) {
      return Optional.empty();
    }
    int[] ranks = new int[parents.size()];
    int worst = 0;
    for (int i = 0; i < parents.size(); i++) {
      Optional<Double> rank = parents.get(i).number(Columns.RANK);
      if (rank.isEmpty() || rank.get() < 1 || rank.get() != Math.rint(rank.get())) {
        return Optional.empty();
      }
      ranks[i] = rank.get().intValue();
      worst = Math.max(worst, ranks[i]);
    }
    double[] weights = new double[ranks.length];
    for (int i = 0; i < ranks.length; i++) {
      weights[i] = worst + 1 - ranks[i];
    }
    return Optional.of(weights);
  }

  /** "rank-weighted: the best parent gets 22% of the picks" or "uniform", for the step summary. */
  static String describe(Optional<double[]> weights) {
    if (weights.isEmpty()) {
      return "parents picked uniformly";
    }
    double total = 0, top = 0;
    for (double w : weights.get()) {
      total += w;
      top = Math.max(top, w);
    }
    return String.format(Locale.ROOT, "parents picked by rank: the best gets %.0f%% of the picks", 100 * top / total);
  }
}
