package io.nightshift.examples.drugdiscovery.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nightshift.core.error.ToolException;
import io.nightshift.core.table.Csv;
import io.nightshift.core.table.Table;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** chem.enrichment and chem.validation_report over hand-made docked sets (no docking). */
class EnrichmentToolTest {
  @TempDir Path dir;

  /** Molecules m0..m3, m0 and m2 active; a null score is a failed docking. */
  private static MoleculeSet docked(String engine, Double... scores) {
    List<Candidate> rows = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      TreeMap<String, String> p = new TreeMap<>();
      p.put("active", i % 2 == 0 ? "1" : "0");
      if (i % 2 == 1) {
        p.put("decoy_for", "m" + (i - 1));
        p.put("match_level", "1");
      }
      if (scores[i] == null) {
        p.put("dock_error", "could not dock");
      } else {
        p.put("dock_score", String.valueOf(scores[i]));
        p.put("dock_engine", engine + " test");
      }
      rows.add(new Candidate("m" + i, "C".repeat(i + 1), "m" + i, List.of(), i % 2 == 0 ? "active" : "decoy", p));
    }
    return new MoleculeSet(rows);
  }

  @Test
  void shouldScoreEachEngineAndTheirRankConsensus() throws Exception {
    RecordingToolContext context = new RecordingToolContext(dir);
    // engine a: actives at -9 and -5, decoys at -7 and -1 -> AUC 3/4; engine b: actives first -> AUC 1
    String a = MoleculeSetArtifacts.store(context, docked("a", -9.0, -7.0, -5.0, -1.0)).uri();
    String b = MoleculeSetArtifacts.store(context, docked("b", -90.0, -10.0, -80.0, null)).uri();
    ToolOutput out = new EnrichmentTool().execute(context, new ToolArguments(Map.of("docked", a + "," + b,
        "engines", "a,b", "resamples", "200")));
    Table table = Csv.parse(new String(context.artifacts().read(out.artifact()), StandardCharsets.UTF_8));
    assertThat(table.header()).isEqualTo(EnrichmentTool.HEADER);
    assertThat(table.rows()).hasSize(9).extracting(r -> r.get(0) + " " + r.get(1)).containsExactly(
        "a roc_auc", "a ef1", "a ef5", "b roc_auc", "b ef1", "b ef5",
        "consensus (mean rank) roc_auc", "consensus (mean rank) ef1", "consensus (mean rank) ef5");
    assertThat(estimate(table, 0)).isCloseTo(0.75, within(1e-9));
    assertThat(estimate(table, 3)).isCloseTo(1.0, within(1e-9));
    assertThat(table.rows().get(3).get(9)).isEqualTo("1"); // b failed to dock m3
    // consensus mean ranks: m0 (1+1)/2=1, m1 (2+3)/2=2.5, m2 (3+2)/2=2.5, m3 (4+4)/2=4: AUC (1 + 1 + 0.5 + 1)/4
    assertThat(estimate(table, 6)).isCloseTo(0.875, within(1e-9));
    // EF1% of 4 molecules looks at the best one, an active: (1/1) / (2/4)
    assertThat(estimate(table, 1)).isCloseTo(2.0, within(1e-9));
    assertThat(out.summary()).startsWith("ROC AUC a 0.75 [");

    ToolOutput report = new ValidationReportTool().execute(context, new ToolArguments(Map.of(
        "enrichment", out.artifact().uri(), "molecules", a)));
    String html = new String(context.artifacts().read(report.artifact()), StandardCharsets.UTF_8);
    assertThat(html).contains("<h2>Enrichment</h2>").contains("| consensus (mean rank) | 0.88 [")
        .contains("a test").contains("level 5: MW +-150");
  }

  @Test
  void shouldAddMolecularWeightAloneAsAControlWhenTheSetCarriesIt() throws Exception {
    RecordingToolContext context = new RecordingToolContext(dir);
    // actives m0 (300 Da) and m2 (500 Da), decoys m1 (400 Da) and m3 (200 Da): heavier first gives 3 of 4 pairs
    double[] mw = {300, 400, 500, 200};
    List<Candidate> rows = new ArrayList<>();
    for (Candidate c : docked("a", -9.0, -7.0, -5.0, -1.0).candidates()) {
      rows.add(c.with("mw", String.valueOf(mw[rows.size()])));
    }
    String a = MoleculeSetArtifacts.store(context, new MoleculeSet(rows)).uri();
    ToolOutput out = new EnrichmentTool().execute(context, new ToolArguments(Map.of("docked", a, "engines", "a",
        "resamples", "100")));
    Table table = Csv.parse(new String(context.artifacts().read(out.artifact()), StandardCharsets.UTF_8));
    assertThat(table.rows()).extracting(r -> r.get(0)).containsExactly("a", "a", "a",
        "molecular weight alone (heavier first)", "molecular weight alone (heavier first)",
        "molecular weight alone (heavier first)");
    assertThat(estimate(table, 3)).isCloseTo(0.75, within(1e-9));
    assertThat(table.rows().get(3).get(10)).isEqualTo("control: the set's mw column, no docking");
  }

  @Test
  void shouldRefuseSetsWithoutActiveLabelsOrUnnamedEngines() throws Exception {
    RecordingToolContext context = new RecordingToolContext(dir);
    String a = MoleculeSetArtifacts.store(context, docked("a", -9.0, -7.0)).uri();
    assertThatThrownBy(() -> new EnrichmentTool().execute(context, new ToolArguments(Map.of("docked", a + "," + a,
        "engines", "a")))).isInstanceOf(ToolException.class).hasMessageContaining("'engines'")
        .hasMessageContaining("1 names for 2 sets");
    MoleculeSet unlabelled = new MoleculeSet(List.of(Candidate.seed("x", "CCO", "x")));
    String u = MoleculeSetArtifacts.store(context, unlabelled).uri();
    assertThatThrownBy(() -> new EnrichmentTool().execute(context, new ToolArguments(Map.of("docked", u,
        "engines", "a")))).isInstanceOf(ToolException.class).hasMessageContaining("'docked'")
        .hasMessageContaining("no 'active' value");
    String onlyActives = MoleculeSetArtifacts.store(context, new MoleculeSet(List.of(
        docked("a", -9.0).candidates().get(0)))).uri();
    assertThatThrownBy(() -> new EnrichmentTool().execute(context, new ToolArguments(Map.of("docked", onlyActives,
        "engines", "a")))).isInstanceOf(ToolException.class).hasMessageContaining("0 decoys");
  }

  private static double estimate(Table table, int row) {
    return Double.parseDouble(table.rows().get(row).get(2));
  }
}
