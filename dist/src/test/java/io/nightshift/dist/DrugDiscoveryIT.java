package io.nightshift.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.StepState;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskState;
import io.nightshift.core.table.Csv;
import io.nightshift.core.table.Table;
import io.nightshift.examples.drugdiscovery.chem.BrenkFilter;
import io.nightshift.examples.drugdiscovery.chem.MoleculeParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The flagship drug-discovery campaign through a real runtime process, the Temporal dev server and real gRPC: the
 * demo pipeline at a smaller size (three rounds, six molecules docked per round in map chunks) to a real HTML
 * report, the validation pipeline at a tiny size, and bad molecule input or an empty round ending in messages that
 * say what was wrong.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedDevRuntime.class)
class DrugDiscoveryIT {
  /** Small enough for a few minutes on 2 cores; the same pipeline `bin/nightshift demo` runs. */
  private static final Map<String, String> SMALL = Map.of("candidates", "30", "dock_count", "6", "keep", "4");

  private ApiClient api;

  @BeforeAll
  void connect(RuntimeProcess shared) {
    api = new ApiClient(shared.channel());
  }

  private ApiClient api() {
    return api;
  }

  @Test
  void shouldRunTheDemoCampaignToAnHtmlReportOfDockedCandidatesWithLineageAndProvenance() throws Exception {
    String id = api().submitNamed("drug-discovery-demo", SMALL);
    Task last = lastEvent(api.watch(id, Duration.ofMinutes(8)));

    assertThat(last.getState()).as("task error: %s", last.getError()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
    assertThat(last.getStepCountsMap()).containsExactly(Map.entry("STEP_STATE_SUCCEEDED", 17));
    for (int r = 1; r <= 3; r++) {
      // one molecule per chunk
      assertThat(step(last, "dock" + r).getSummary()).isEqualTo("6 rows from 6 items in 6 chunks");
    }
    assertThat(step(last, "select3").getSummary()).startsWith("selected 4 of ")
        .contains("ranked by Pareto rank over docking score, QED");

    Table best = Csv.parse(api.readArtifact(id, step(last, "select3").getOutput().getDigest()));
    assertThat(best.rows()).hasSize(4);
    int smiles = best.header().indexOf("smiles");
    for (List<String> row : best.rows()) { // chem.filter dropped every reactive or unstable group (issue 18)
      assertThat(BrenkFilter.matches(MoleculeParser.parse(row.get(smiles)))).as(row.get(smiles)).isEmpty();
    }
    assertThat(last.getResult().getMediaType()).isEqualTo("text/html");
    assertThat(last.getResult().getDigest()).isEqualTo(step(last, "report").getOutput().getDigest());
    String report = api.readArtifact(id, last.getResult().getDigest());

    assertThat(report).startsWith("<!DOCTYPE html>").contains("<h2>Best candidates</h2>",
        "<h2>Score distributions per round</h2>", "<h2>Properties of the final set</h2>", "<h2>Provenance</h2>");
    assertThat(count(report, "<div class=\"card\">")).isEqualTo(4);
    assertThat(count(report, "<svg")).as("a depiction per card, two score plots and the progress chart")
        .isEqualTo(4 + 2 + 1);
    assertThat(report).contains("<h2 id=\"progress\">Progress per round</h2>", "data-series=\"top decile\"");
    int idColumn = best.header().indexOf("id");
    int dock = best.header().indexOf("dock_score");
    for (List<String> row : best.rows()) { // every selected molecule is in the report with its docking score
      assertThat(row.get(dock)).matches("-?\\d+\\.\\d+");
      assertThat(report).contains(">" + row.get(idColumn) + "<", "<td>" + row.get(dock) + "</td>");
    }
    assertThat(lineages(report)).hasSize(4).allSatisfy(l -> assertThat(l).contains(" ← ").endsWith("(seed)"));
    assertThat(report).contains("<td>round 1</td><td>6</td>", "<td>round 2</td><td>6</td>", "<td>round 3</td><td>6</td>")
        .contains("OpenChemLib").contains("DockingEngine (ChemPLP), fast effort")
        .contains("1IEP").contains("descriptors, PAINS, fingerprints, depictions: CDK");
  }

  /**
   * The retrospective validation pipeline (issue 18) through the runtime at a tiny size: one active and one decoy,
   * docked by both engines as map steps (Vina at exhaustiveness 1: Debian's autodock-vina and openbabel, as CI
   * installs), then enrichment and report. Two molecules say nothing about the docking, so only that every metric
   * is computed and in range (each more molecule costs this test Vina's ~10 s on one core).
   */
  @Test
  void shouldRunTheValidationPipelineAtATinySizeToEnrichmentOfBothEnginesAndTheirConsensus() throws Exception {
    String id = api().submitNamed("drug-discovery-validate", Map.of("actives", "1", "decoys_per_active", "1",
        "resamples", "200"));
    Task last = lastEvent(api.watch(id, Duration.ofMinutes(6)));

    assertThat(last.getState()).as("task error: %s", last.getError()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
    assertThat(step(last, "dock_ocl").getSummary()).startsWith("2 rows from 2 items");
    assertThat(step(last, "dock_vina").getSummary()).startsWith("2 rows from 2 items");
    Table table = Csv.parse(api.readArtifact(id, step(last, "enrichment").getOutput().getDigest()));
    assertThat(table.rows()).extracting(r -> r.get(0)).containsOnly("openchemlib", "vina", "consensus (mean rank)",
        "molecular weight alone (heavier first)");
    for (List<String> row : table.rows()) {
      double estimate = Double.parseDouble(row.get(2));
      double lower = Double.parseDouble(row.get(3));
      double upper = Double.parseDouble(row.get(4));
      // AUC in [0, 1]; EF in [0, N / actives] = [0, 2]
      double max = row.get(1).equals("roc_auc") ? 1 : 2;
      assertThat(List.of(estimate, lower, upper)).as("%s", row).allSatisfy(v -> assertThat(v).isBetween(0.0, max));
      assertThat(lower).isLessThanOrEqualTo(upper);
      assertThat(row.get(7) + "/" + row.get(8)).as("actives/decoys of %s", row).isEqualTo("1/1");
    }
    assertThat(last.getResult().getDigest()).isEqualTo(step(last, "report").getOutput().getDigest());
    assertThat(api.readArtifact(id, last.getResult().getDigest())).contains("consensus (mean rank)")
        .contains("AutoDock Vina").contains("imatinib");
  }

  @Test
  void shouldDropAndNameMalformedSeedsAndStopClearlyWhenARoundComesOutEmpty() throws Exception {
    // malformed seed rows are dropped and named; a QED floor nothing reaches empties round 1, and round 2 has
    // nothing to build on
    String id = api().submitNamed("drug-discovery-demo", Map.of("seeds",
        "classpath:drug-discovery/malformed_seeds.csv", "min_qed", "0.99", "candidates", "20"));
    Task last = lastEvent(api.watch(id, Duration.ofMinutes(3)));

    assertThat(step(last, "seeds").getSummary()).startsWith("3 seed molecules from classpath:drug-discovery/")
        .contains("3 of 6 rows dropped, invalid SMILES: unclosed-ring (", "pentavalent-carbon (", "a-word (")
        .doesNotContain("\n");
    assertThat(step(last, "filter1").getSummary()).startsWith("kept 0 of ").contains("QED < 0.9900");
    assertThat(step(last, "triage1").getSummary()).isEqualTo("empty input: nothing to select");
    assertThat(step(last, "dock1").getSummary()).isEqualTo("0 rows from 0 items in 0 chunks");
    assertThat(step(last, "select1").getSummary()).isEqualTo("empty input: nothing to select");
    assertThat(last.getState()).isEqualTo(TaskState.TASK_STATE_FAILED);
    assertThat(last.getError()).startsWith("step 'generate2' failed: no valid parent molecules to generate from"
        + " (0 rows, 0 with invalid SMILES): the previous round produced nothing to build on");
    assertThat(step(last, "report").getState()).isEqualTo(StepState.STEP_STATE_SKIPPED);
  }

  @Test
  void shouldFailAtTheSeedsStepNamingTheProblemWhenTheSeedFileIsNotAMoleculeTable() throws Exception {
    String id = api().submitNamed("drug-discovery-demo", Map.of("seeds",
        "classpath:drug-discovery/no_smiles_column.csv"));
    Task last = lastEvent(api.watch(id, Duration.ofMinutes(2)));

    assertThat(last.getState()).isEqualTo(TaskState.TASK_STATE_FAILED);
    assertThat(last.getError()).isEqualTo("step 'seeds' failed: seed library classpath:drug-discovery/"
        + "no_smiles_column.csv is not a molecule CSV: molecule CSV needs a 'smiles' column; header was [name,"
        + " structure]");
    assertThat(step(last, "generate1").getState()).isNotEqualTo(StepState.STEP_STATE_SUCCEEDED);
  }

  private static Step step(Task task, String name) {
    return task.getStepsList().stream().filter(s -> s.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no step " + name + " in " + task));
  }

  private static List<String> lineages(String html) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile("<small>lineage: ([^<]*)</small>").matcher(html);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static int count(String text, String needle) {
    return text.split(Pattern.quote(needle), -1).length - 1;
  }

  private static Task lastEvent(List<Task> events) {
    return events.get(events.size() - 1);
  }
}
