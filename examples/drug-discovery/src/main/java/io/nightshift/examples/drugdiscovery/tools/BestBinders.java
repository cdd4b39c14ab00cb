package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.examples.drugdiscovery.data.Candidate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * {@code chem.generate}'s exploited parents: the best binders among the parents, ranked by their own docking score
 * (not by the selection's rank, which also weighs QED and SA). The top tenth of the docked parents, at least one:
 * 1 of the demo's 8, 5 of the full campaign's 50. One parent alone would stake the share on one fast docking
 * search, which is partly luck; a tenth hedges that while keeping the share around the best.
 *
 * @param weights one per parent: 1 for a best binder, 0 for the others ({@code AnalogueGenerator.generateNear})
 * @param ids     the best binders' ids, best first, for the step summary
 */
record BestBinders(double[] weights, List<String> ids) {
  /** The best binders, or empty when no parent has a docking score (round 1: the seeds). */
  static Optional<BestBinders> of(List<Candidate> parents) {
    List<Integer> docked = IntStream.range(0, parents.size())
        .filter(i -> parents.get(i).number(Columns.DOCK_SCORE).isPresent()).boxed()
        // lower is better; ties by id, so the choice does not depend on the parents' order
        .sorted(Comparator.<Integer>comparingDouble(i -> parents.get(i).number(Columns.DOCK_SCORE).orElseThrow())
            .thenComparing(i -> parents.get(i).id()))
        .toList();
    if (docked.isEmpty()) {
      return Optional.empty();
    }
    List<Integer> best = docked.subList(0, (docked.size() + 9) / 10);
    double[] weights = new double[parents.size()];
    best.forEach(i -> weights[i] = 1);
    return Optional.of(new BestBinders(weights, best.stream().map(i -> parents.get(i).id()).toList()));
  }
}
