package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import io.nightshift.examples.drugdiscovery.selection.Hypervolume;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether the campaign improves round over round, over each round's docked molecules: the best docking score, the
 * top decile (the mean of the best ceil(n/10) scores, so at least the best one) and the hypervolume of the Pareto
 * front over docking, QED and, when every docked molecule has one, SA score, normalised to {@link ProgressBounds};
 * each also over all rounds so far. Values are NaN where a round docked nothing or the engine has no bounds.
 *
 * @param topDecileCount how many molecules the top-decile mean averages
 */
record RoundProgress(String label, int docked, double best, double topDecile, int topDecileCount,
    double hypervolume, double bestSoFar, double hypervolumeSoFar) {

  /** The rows of every round, the bounds they were normalised to, and whether SA was an objective. */
  record Table(List<RoundProgress> rounds, Optional<ProgressBounds> bounds, boolean withSa) {}

  static Table of(List<MoleculeSet> rounds) {
    List<List<Candidate>> docked = new ArrayList<>();
    Optional<ProgressBounds> bounds = Optional.empty();
    boolean withSa = true;
    int total = 0;
    for (MoleculeSet round : rounds) {
      List<Candidate> scored = round.candidates().stream()
          .filter(c -> c.number(Columns.DOCK_SCORE).isPresent() && c.number(Columns.QED).isPresent()).toList();
      docked.add(scored);
      total += scored.size();
      for (Candidate c : scored) {
        withSa &= c.number(Columns.SA_SCORE).isPresent();
        if (bounds.isEmpty()) {
          bounds = c.property(Columns.DOCK_ENGINE).flatMap(ProgressBounds::forEngine);
        }
      }
    }
    withSa &= total > 0;
    List<RoundProgress> rows = new ArrayList<>();
    List<double[]> soFar = new ArrayList<>();
    double bestSoFar = Double.NaN;
    for (int i = 0; i < docked.size(); i++) {
      List<Double> scores = docked.get(i).stream().map(c -> c.number(Columns.DOCK_SCORE).orElseThrow()).sorted()
          .toList();
      int top = (scores.size() + 9) / 10;
      double best = scores.isEmpty() ? Double.NaN : scores.get(0);
      double topDecile = scores.isEmpty() ? Double.NaN
          : scores.subList(0, top).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      bestSoFar = Double.isNaN(bestSoFar) ? best : Double.isNaN(best) ? bestSoFar : Math.min(bestSoFar, best);
      double hv = Double.NaN, hvSoFar = Double.NaN;
      if (bounds.isPresent()) {
        List<double[]> points = goodness(docked.get(i), bounds.get(), withSa);
        soFar.addAll(points);
        hv = points.isEmpty() ? Double.NaN : Hypervolume.of(points);
        hvSoFar = soFar.isEmpty() ? Double.NaN : Hypervolume.of(soFar);
      }
      rows.add(new RoundProgress("round " + (i + 1), scores.size(), best, topDecile, top, hv, bestSoFar, hvSoFar));
    }
    return new Table(rows, bounds, withSa);
  }

  private static List<double[]> goodness(List<Candidate> docked, ProgressBounds bounds, boolean withSa) {
    List<double[]> points = new ArrayList<>();
    for (Candidate c : docked) {
      double dock = bounds.dock(c.number(Columns.DOCK_SCORE).orElseThrow());
      double qed = ProgressBounds.qed(c.number(Columns.QED).orElseThrow());
      points.add(withSa ? new double[] {dock, qed, ProgressBounds.sa(c.number(Columns.SA_SCORE).orElseThrow())}
          : new double[] {dock, qed});
    }
    return points;
  }
}
