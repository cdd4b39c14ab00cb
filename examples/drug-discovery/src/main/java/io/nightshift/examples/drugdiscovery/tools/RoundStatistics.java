package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.proposals.ProposalReview;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The deterministic summary of one round: counts and the distribution of docking scores and QED, and, when a
 * model proposed analogues that round, how many it proposed and how many of those were valid and docked. Always
 * produced, whether or not a model writes a narrative next to it.
 *
 * @param fromModel  docked molecules that a model proposed (origin {@value #MODEL_ORIGIN}...)
 * @param proposals  the review counts of that round's model proposals, null when no model proposed
 */
record RoundStatistics(String label, int molecules, int docked, Summary dock, Summary qed, long ruleOfFivePassing,
    int fromModel, ProposalReview.Counts proposals) {
  /** How the origin of a model-proposed molecule starts. */
  static final String MODEL_ORIGIN = "model-proposed by ";

  /** Five-number-style summary of a list of values; all NaN when there are none. */
  record Summary(int n, double min, double median, double mean, double max, List<Double> values) {
    static Summary of(List<Double> values) {
      List<Double> sorted = new ArrayList<>(values);
      Collections.sort(sorted);
      if (sorted.isEmpty()) {
        return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.of());
      }
      int n = sorted.size();
      double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
      double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
      return new Summary(n, sorted.get(0), median, mean, sorted.get(n - 1), List.copyOf(sorted));
    }
  }

  static RoundStatistics of(String label, List<Candidate> candidates) {
    List<Double> dock = new ArrayList<>();
    List<Double> qed = new ArrayList<>();
    long passing = 0;
    int fromModel = 0;
    for (Candidate c : candidates) {
      fromModel += c.origin().startsWith(MODEL_ORIGIN) ? 1 : 0;
      c.number(Columns.DOCK_SCORE).ifPresent(dock::add);
      c.number(Columns.QED).ifPresent(qed::add);
      passing += c.number(Columns.LIPINSKI_VIOLATIONS).filter(v -> v <= 1).isPresent() ? 1 : 0;
    }
    return new RoundStatistics(label, candidates.size(), dock.size(), Summary.of(dock), Summary.of(qed), passing,
        fromModel, null);
  }

  RoundStatistics withProposals(ProposalReview.Counts counts) {
    return new RoundStatistics(label, molecules, docked, dock, qed, ruleOfFivePassing, fromModel, counts);
  }
}
