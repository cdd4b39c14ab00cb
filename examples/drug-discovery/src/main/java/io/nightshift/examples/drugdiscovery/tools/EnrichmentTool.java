package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.table.Csv;
import io.nightshift.core.table.Table;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import io.nightshift.examples.drugdiscovery.validation.EngineScores;
import io.nightshift.examples.drugdiscovery.validation.EnrichmentTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code chem.enrichment}: how well each docking engine, and their rank consensus, ranks the validation set's
 * actives above its decoys: ROC AUC, EF1% and EF5% with stratified percentile-bootstrap intervals, as a CSV table.
 * A molecule an engine failed to dock ranks last for that engine (counted in {@code failed_docking}). When the
 * set carries {@code mw}, a control row ranks it by molecular weight alone, the bar an engine has to clear.
 */
final class EnrichmentTool implements Tool {
  static final String NAME = "chem.enrichment";
  static final List<String> HEADER = List.of("score", "metric", "estimate", "lower", "upper", "confidence",
      "resamples", "actives", "decoys", "failed_docking", "engine_detail");

  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor(NAME,
        "ROC AUC, EF1% and EF5% with bootstrap intervals of docking scores (lower = binder) over a validation set"
            + " (chem.validation_set docked by chem.dock), per engine and for the engines' mean-rank consensus.",
        List.of(
            ToolParam.required("docked", "comma-separated artifact URIs: the validation set docked by each engine"),
            ToolParam.required("engines", "comma-separated engine labels, one per docked set, in the same order"),
            ToolParam.optional("resamples", "bootstrap resamples", "2000"),
            ToolParam.optional("confidence", "two-sided confidence level of the intervals", "0.95"),
            ToolParam.optional("seed", "bootstrap random seed", "1")));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments arguments) {
    List<MoleculeSet> sets = MoleculeSetArtifacts.loadEach(context, arguments, "docked");
    List<String> labels = split(arguments.required("engines"));
    if (sets.size() != labels.size() || sets.isEmpty()) {
      throw ToolException.permanent("parameter 'engines' must name one engine per set in 'docked': "
          + labels.size() + " names for " + sets.size() + " sets");
    }
    int resamples = Numbers.positiveInt(arguments, "resamples", 2000);
    double confidence = Numbers.inRange(arguments, "confidence", 0.95, 0.5, 0.999);
    long seed = Numbers.positiveInt(arguments, "seed", 1);

    List<EngineScores> engines = new ArrayList<>();
    for (int i = 0; i < sets.size(); i++) {
      engines.add(scores(labels.get(i), sets.get(i)));
    }
    List<EnrichmentTable.Row> rows;
    try {
      rows = EnrichmentTable.compute(engines, sizeAlone(sets.get(0)).stream().toList(), resamples, confidence,
          seed);
    } catch (IllegalArgumentException e) {
      throw ToolException.permanent("parameter 'docked': " + e.getMessage(), e);
    }
    List<List<String>> table = new ArrayList<>();
    List<String> auc = new ArrayList<>();
    for (EnrichmentTable.Row r : rows) {
      String detail = engines.stream().filter(e -> e.engine().equals(r.score())).map(EngineScores::provenance)
          .findFirst().orElse(r.score().equals(EnrichmentTable.SIZE_ALONE)
              ? "control: the set's mw column, no docking"
              : "mean fractional rank over " + String.join(", ", labels));
      table.add(List.of(r.score(), r.metric(), Numbers.format(r.interval().estimate()),
          Numbers.format(r.interval().lower()), Numbers.format(r.interval().upper()), String.valueOf(confidence),
          String.valueOf(resamples), String.valueOf(r.actives()), String.valueOf(r.decoys()),
          String.valueOf(r.failed()), detail));
      if (r.metric().equals("roc_auc")) {
        auc.add(String.format(Locale.ROOT, "%s %.2f [%.2f, %.2f]", r.score(), r.interval().estimate(),
            r.interval().lower(), r.interval().upper()));
      }
    }
    ArtifactRef ref;
    try {
      ref = context.artifacts().put(Csv.write(new Table(HEADER, table)).getBytes(StandardCharsets.UTF_8),
          "text/csv");
    } catch (IOException e) {
      throw ToolException.retryable("cannot store the enrichment table: " + e.getMessage(), e);
    }
    return new ToolOutput(ref, "ROC AUC " + String.join("; ", auc));
  }

  /** An engine's scores; the active label is required, a missing score is a failed docking (ranked last). */
  static EngineScores scores(String engine, MoleculeSet set) {
    List<String> ids = new ArrayList<>();
    double[] scores = new double[set.size()];
    boolean[] active = new boolean[set.size()];
    int failed = 0;
    String provenance = "";
    for (int i = 0; i < set.size(); i++) {
      Candidate c = set.candidates().get(i);
      String label = c.property(ValidationColumns.ACTIVE).orElse("").strip();
      if (!label.equals("1") && !label.equals("0")) {
        throw ToolException.permanent("parameter 'docked': molecule " + c.id() + " of the " + engine + " set has "
            + "no 'active' value (1 or 0), was '" + label + "': give chem.enrichment the docked output of "
            + ValidationSetTool.NAME);
      }
      ids.add(c.id());
      active[i] = label.equals("1");
      var score = c.number(Columns.DOCK_SCORE);
      scores[i] = score.orElse(Double.POSITIVE_INFINITY);
      failed += score.isPresent() ? 0 : 1;
      if (provenance.isEmpty()) {
        provenance = c.property(Columns.DOCK_ENGINE).orElse("");
      }
    }
    return new EngineScores(engine, provenance, ids, scores, active, failed);
  }

  /**
   * Molecular weight as a score (heavier = predicted binder), when every molecule of the set has it (as
   * chem.validation_set writes): how much of an engine's enrichment is size alone.
   */
  static Optional<EngineScores> sizeAlone(MoleculeSet set) {
    if (set.isEmpty() || !set.candidates().stream().allMatch(c -> c.number(Columns.MW).isPresent())) {
      return Optional.empty();
    }
    EngineScores labelled = scores("size", set);
    double[] minusMw = set.candidates().stream().mapToDouble(c -> -c.number(Columns.MW).orElseThrow()).toArray();
    return Optional.of(new EngineScores(EnrichmentTable.SIZE_ALONE, "", labelled.ids(), minusMw, labelled.active(),
        0));
  }

  private static List<String> split(String value) {
    return List.of(value.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
