package io.nightshift.examples.drugdiscovery.validation;

import java.util.Arrays;

/**
 * Virtual-screening metrics of a score over actives and decoys, lower score = predicted binder (docking scores).
 * Failed dockings are given {@code +Infinity}, so they rank last and tie with each other.
 */
public final class Enrichment {
  private Enrichment() {}

  /**
   * ROC AUC: the probability that a random active scores lower than a random decoy, a tie counting one half
   * (the Mann-Whitney U statistic over actives times decoys). 0.5 is random, 1 puts every active first.
   */
  public static double rocAuc(double[] scores, boolean[] active) {
    int actives = count(active);
    int decoys = scores.length - actives;
    require(scores, active, actives, decoys);
    double[] ranks = Ranks.ascending(scores);
    double activeRankSum = 0;
    for (int i = 0; i < scores.length; i++) {
      activeRankSum += active[i] ? ranks[i] : 0;
    }
    double activeAboveDecoy = activeRankSum - actives * (actives + 1) / 2.0;
    return 1 - activeAboveDecoy / ((double) actives * decoys);
  }

  /**
   * Enrichment factor at a fraction of the ranked list: the active rate in the best {@code ceil(fraction * N)}
   * molecules (at least one) over the active rate overall. Molecules tied with the last one inside the cut-off
   * share its remaining places in proportion, so the result does not depend on how ties happen to be ordered.
   */
  public static double enrichmentFactor(double[] scores, boolean[] active, double fraction) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1], was " + fraction);
    }
    int actives = count(active);
    require(scores, active, actives, scores.length - actives);
    int n = scores.length;
    int top = Math.max(1, (int) Math.ceil(fraction * n - 1e-9));
    double[] sorted = scores.clone();
    Arrays.sort(sorted);
    double cut = sorted[top - 1];
    int better = 0, tied = 0, activesBetter = 0, activesTied = 0;
    for (int i = 0; i < n; i++) {
      int c = Double.compare(scores[i], cut);
      if (c < 0) {
        better++;
        activesBetter += active[i] ? 1 : 0;
      } else if (c == 0) {
        tied++;
        activesTied += active[i] ? 1 : 0;
      }
    }
    double activesInTop = activesBetter + (top - better) * (double) activesTied / tied;
    return (activesInTop / top) / ((double) actives / n);
  }

  private static void require(double[] scores, boolean[] active, int actives, int decoys) {
    if (scores.length != active.length) {
      throw new IllegalArgumentException(scores.length + " scores but " + active.length + " labels");
    }
    if (actives == 0 || decoys == 0) {
      throw new IllegalArgumentException("need at least one active and one decoy, got " + actives + " actives and "
          + decoys + " decoys");
    }
    for (double s : scores) {
      if (Double.isNaN(s)) {
        throw new IllegalArgumentException("a score is NaN");
      }
    }
  }

  private static int count(boolean[] active) {
    int n = 0;
    for (boolean a : active) {
      n += a ? 1 : 0;
    }
    return n;
  }
}
