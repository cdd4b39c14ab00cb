package io.nightshift.examples.drugdiscovery.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

/**
 * ROC AUC, EF1% and EF5% with bootstrap intervals for each engine and for their rank consensus (over the molecules
 * every engine scored), the rows of the validation table. The consensus is ranked once over the whole set and its
 * mean ranks are then resampled like an engine's scores, so its interval, like theirs, says how the enrichment of a
 * fixed scoring varies with the molecules drawn.
 */
public final class EnrichmentTable {
  public static final String CONSENSUS = "consensus (mean rank)";
  /** A control, not an engine: docking scores grow with size, so enrichment by weight alone is the bar to clear. */
  public static final String SIZE_ALONE = "molecular weight alone (heavier first)";

  /** One metric of one score. */
  public record Row(String score, String metric, BootstrapInterval interval, int actives, int decoys, int failed) {}

  private record Metric(String name, ToDoubleBiFunction<double[], boolean[]> function) {}

  private static final List<Metric> METRICS = List.of(
      new Metric("roc_auc", Enrichment::rocAuc),
      new Metric("ef1", (s, a) -> Enrichment.enrichmentFactor(s, a, 0.01)),
      new Metric("ef5", (s, a) -> Enrichment.enrichmentFactor(s, a, 0.05)));

  private EnrichmentTable() {}

  /** The engines, their consensus (with two or more), then the controls (e.g. {@link #SIZE_ALONE}), unranked. */
  public static List<Row> compute(List<EngineScores> engines, List<EngineScores> controls, int resamples,
      double confidence, long seed) {
    List<EngineScores> scores = new ArrayList<>(engines);
    if (engines.size() > 1) {
      scores.add(consensus(engines));
    }
    scores.addAll(controls);
    List<Row> rows = new ArrayList<>();
    long stream = seed;
    for (EngineScores s : scores) {
      int actives = 0;
      for (boolean a : s.active()) {
        actives += a ? 1 : 0;
      }
      for (Metric m : METRICS) {
        BootstrapInterval interval = BootstrapInterval.of(s.scores(), s.active(), m.function(), resamples,
            confidence, stream++);
        rows.add(new Row(s.engine(), m.name(), interval, actives, s.scores().length - actives, s.failed()));
      }
    }
    return rows;
  }

  /** The mean-rank consensus over the molecules every engine scored, in the first engine's order. */
  static EngineScores consensus(List<EngineScores> engines) {
    List<Map<String, Double>> byId = new ArrayList<>();
    for (EngineScores e : engines) {
      Map<String, Double> m = new HashMap<>();
      for (int i = 0; i < e.ids().size(); i++) {
        m.put(e.ids().get(i), e.scores()[i]);
      }
      byId.add(m);
    }
    EngineScores first = engines.get(0);
    List<String> ids = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    for (int i = 0; i < first.ids().size(); i++) {
      String id = first.ids().get(i);
      if (byId.stream().allMatch(m -> m.containsKey(id))) {
        ids.add(id);
        labels.add(first.active()[i]);
      }
    }
    List<double[]> columns = byId.stream().map(m -> ids.stream().mapToDouble(m::get).toArray()).toList();
    int failed = 0;
    for (int i = 0; i < ids.size(); i++) {
      final int row = i;
      failed += columns.stream().anyMatch(c -> Double.isInfinite(c[row])) ? 1 : 0;
    }
    boolean[] active = new boolean[ids.size()];
    for (int i = 0; i < active.length; i++) {
      active[i] = labels.get(i);
    }
    String provenance = "mean fractional rank over " + String.join(", ", engines.stream().map(EngineScores::engine)
        .toList());
    return new EngineScores(CONSENSUS, provenance, ids, RankConsensus.meanRank(columns), active, failed);
  }
}
