package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.examples.drugdiscovery.chem.Fingerprint;
import io.nightshift.examples.drugdiscovery.chem.Molecule;
import io.nightshift.examples.drugdiscovery.chem.Qed;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.selection.ParetoFronts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code chem.select ranking=pareto} (the default): orders candidates by Pareto front over the docking score (lower
 * is better), QED (higher is better) and, when every row has it, the SA score (lower is better), so no single
 * weight decides between a strong binder and a drug-like one. The rule, in order:
 * <ol>
 *   <li>Tiers: molecules without a Brenk alert (column {@code brenk} empty or absent) before those with one, and,
 *       when the set has docking values, molecules that have one before those that do not (e.g. {@code
 *       dock_error}): clean and docked, alerted and docked, clean and undocked, alerted and undocked.</li>
 *   <li>Inside a tier, non-dominated sorting: front 1 first.</li>
 *   <li>Inside a front, the better docking score first (the first objective: QED where nothing was docked), then
 *       NSGA-II's crowding distance, largest first, then id, so the order never depends on input order. Every
 *       member of a front is an acceptable trade-off; leading with the binders gives them the best ranks, and so
 *       the largest shares of the next round's analogues ({@link ParentShares}). Crowding first (NSGA-II's own
 *       order) put the front's most drug-like, weakest binder second and did worse on docking in the 200/40 run
 *       (README, "Measured").</li>
 * </ol>
 * The docking objective is {@code dock_score} when any row has one; otherwise {@code parent_dock_score} (the best
 * docking score among a generated molecule's parents, written by {@code chem.generate}) when any row has that, so
 * the triage before docking favours analogues of good binders; otherwise there is none (round 1's triage: QED and
 * SA only). Each row gets {@code pareto_front}: the fronts numbered 1, 2, ... in this order across the tiers.
 * ECFP4 sphere exclusion ({@code max_similarity}) then walks this order, as in the combined ranking.
 */
final class ParetoRanking {
  /** The ranking and a sentence saying what it used, for the step summary. */
  record Result(List<RankedCandidate> ranked, String description) {}

  private ParetoRanking() {}

  /** @param molecules the parsed molecule of each candidate, same order */
  static Result rank(List<Candidate> candidates, List<Molecule> molecules) {
    Optional<String> dockColumn = dockColumn(candidates);
    boolean sa = !candidates.isEmpty() && candidates.stream().allMatch(c -> c.number(Columns.SA_SCORE).isPresent());
    record Row(int index, int tier, double[] objectives, double crowding, int front) {}
    List<Row> rows = new ArrayList<>();
    int alerted = 0, unscored = 0;
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      boolean alert = c.property(Columns.BRENK).filter(v -> !v.isBlank()).isPresent();
      Optional<Double> dock = dockColumn.flatMap(c::number);
      boolean missing = dockColumn.isPresent() && dock.isEmpty();
      alerted += alert ? 1 : 0;
      unscored += missing ? 1 : 0;
      Molecule molecule = molecules.get(i);
      List<Double> objectives = new ArrayList<>();
      dock.ifPresent(objectives::add);
      objectives.add(-c.number(Columns.QED).orElseGet(() -> Qed.of(molecule)));
      if (sa) {
        objectives.add(c.number(Columns.SA_SCORE).orElseThrow());
      }
      rows.add(new Row(i, (missing ? 2 : 0) + (alert ? 1 : 0),
          objectives.stream().mapToDouble(Double::doubleValue).toArray(), 0, 0));
    }

    List<Row> ordered = new ArrayList<>();
    int frontOffset = 0;
    for (int tier = 0; tier < 4; tier++) {
      final int t = tier;
      List<Row> members = rows.stream().filter(r -> r.tier() == t).toList();
      if (members.isEmpty()) {
        continue;
      }
      List<double[]> points = members.stream().map(Row::objectives).toList();
      int[] front = ParetoFronts.fronts(points);
      int fronts = 0;
      for (int f : front) {
        fronts = Math.max(fronts, f + 1);
      }
      for (int f = 0; f < fronts; f++) {
        List<Integer> inFront = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
          if (front[i] == f) {
            inFront.add(i);
          }
        }
        double[] crowding = ParetoFronts.crowding(points, inFront);
        List<Row> frontRows = new ArrayList<>();
        for (int i = 0; i < inFront.size(); i++) {
          Row r = members.get(inFront.get(i));
          frontRows.add(new Row(r.index(), r.tier(), r.objectives(), crowding[i], frontOffset + f + 1));
        }
        frontRows.sort(Comparator.comparingDouble((Row r) -> r.objectives()[0])
            .thenComparing(Comparator.comparingDouble(Row::crowding).reversed())
            .thenComparing(r -> candidates.get(r.index()).id()));
        ordered.addAll(frontRows);
      }
      frontOffset += fronts;
    }

    List<RankedCandidate> ranked = new ArrayList<>();
    for (Row r : ordered) {
      TreeMap<String, String> columns = new TreeMap<>();
      columns.put(Columns.PARETO_FRONT, String.valueOf(r.front()));
      ranked.add(new RankedCandidate(candidates.get(r.index()), Fingerprint.ecfp4(molecules.get(r.index())),
          columns));
    }
    String over = dockColumn.map(col -> col.equals(Columns.DOCK_SCORE) ? "docking score, " : "parents' docking"
        + " score, ").orElse("") + "QED" + (sa ? " and SA score" : "");
    String description = "Pareto rank over " + over
        + (alerted > 0 ? "; " + alerted + " with Brenk alerts ranked after the clean" : "")
        + (unscored > 0 ? "; " + unscored + " without a docking value ranked last" : "");
    return new Result(ranked, description);
  }

  private static Optional<String> dockColumn(List<Candidate> candidates) {
    for (String column : List.of(Columns.DOCK_SCORE, Columns.PARENT_DOCK_SCORE)) {
      if (candidates.stream().anyMatch(c -> c.number(column).isPresent())) {
        return Optional.of(column);
      }
    }
    return Optional.empty();
  }
}
